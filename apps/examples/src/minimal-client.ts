// The minimal client of Godot's "Using WebSockets" page, line by line.
// Run: node apps/examples/dist/minimal-client.js [url]   (default ws://localhost:8080/mirror)
import { WebSocketClient } from 'wspeer';

// The URL we will connect to
const websocketUrl = process.argv[2] ?? 'ws://localhost:8080/mirror';

// Our WebSocketClient instance
const client = new WebSocketClient();

// Godot prints booleans as True/False.
const str = (value: boolean): string => (value ? 'True' : 'False');

function ready(): void {
  // Connect base signals to get notified of connection open, close, and errors.
  client.on('connection_closed', closed);
  client.on('connection_error', () => closed(false));
  client.on('connection_established', connected);
  // This signal is emitted when not using the Multiplayer API every time
  // a full packet is received.
  // Alternatively, you could check getPeer(1).getAvailablePacketCount() in a loop.
  client.on('data_received', onData);

  // Initiate connection to the given URL.
  const err = client.connectToUrl(websocketUrl, ['lws-mirror-protocol']);
  if (err !== 0) {
    console.log('Unable to connect');
    setProcess(false);
  }
}

function closed(wasClean = false): void {
  // wasClean will tell you if the disconnection was correctly notified
  // by the remote peer before closing the socket.
  console.log(`Closed, clean: ${str(wasClean)}`);
  setProcess(false);
}

function connected(proto = ''): void {
  // This is called on connection, "proto" will be the selected WebSocket
  // sub-protocol (which is optional)
  console.log(`Connected with protocol: ${proto}`);
  // You MUST always use getPeer(1).putPacket to send data to server,
  // and not putPacket directly when not using the MultiplayerAPI.
  client.getPeer(1)?.putPacket(new TextEncoder().encode('Test packet'));
}

function onData(): void {
  // Print the received packet, you MUST always use getPeer(1).getPacket
  // to receive data from server, and not getPacket directly when not
  // using the MultiplayerAPI.
  console.log(`Got data from server: ${new TextDecoder().decode(client.getPeer(1)?.getPacket())}`);
}

// Call this in _process or _physics_process. Data transfer, and signals
// emission will only happen when calling this function.
const process_ = setInterval(() => client.poll(), 16);
function setProcess(enabled: boolean): void {
  if (!enabled) clearInterval(process_);
}

ready();

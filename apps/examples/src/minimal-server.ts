// The minimal server of Godot's "Using WebSockets" page, line by line.
// Run: node apps/examples/dist/minimal-server.js [port]   (default 9080)
import { WebSocketServer } from 'wspeer/server';

// The port we will listen to
const PORT = Number(process.argv[2] ?? 9080);
// Our WebSocketServer instance
const server = new WebSocketServer();

// Godot prints booleans as True/False.
const str = (value: boolean): string => (value ? 'True' : 'False');

function ready(): void {
  // Connect base signals to get notified of new client connections,
  // disconnections, and disconnect requests.
  server.on('client_connected', connected);
  server.on('client_disconnected', disconnected);
  server.on('client_close_request', closeRequest);
  // This signal is emitted when not using the Multiplayer API every time a
  // full packet is received.
  // Alternatively, you could check getPeer(PEER_ID).getAvailablePacketCount()
  // in a loop for each connected peer.
  server.on('data_received', onData);
  // Start listening on the given port, accepting the subprotocol the minimal client asks for
  // (Godot's docs pair that client with a mirror server; a server that lists no protocol refuses it).
  const err = server.listen(PORT, ['lws-mirror-protocol']);
  server.listening().catch((error: Error) => {
    console.log(`Unable to start server: ${error.message}`);
    setProcess(false);
  });
  if (err !== 0) {
    console.log('Unable to start server');
    setProcess(false);
  }
}

function connected(id: number, proto: string): void {
  // This is called when a new peer connects, "id" will be the assigned peer id,
  // "proto" will be the selected WebSocket sub-protocol (which is optional)
  console.log(`Client ${id} connected with protocol: ${proto}`);
}

function closeRequest(id: number, code: number, reason: string): void {
  // This is called when a client notifies that it wishes to close the connection,
  // providing a reason string and close code.
  console.log(`Client ${id} disconnecting with code: ${code}, reason: ${reason}`);
}

function disconnected(id: number, wasClean = false): void {
  // This is called when a client disconnects, "id" will be the one of the
  // disconnecting client, "wasClean" will tell you if the disconnection
  // was correctly notified by the remote peer before closing the socket.
  console.log(`Client ${id} disconnected, clean: ${str(wasClean)}`);
}

function onData(id: number): void {
  // Print the received packet, you MUST always use getPeer(id).getPacket to receive data,
  // and not getPacket directly when not using the MultiplayerAPI.
  const pkt = server.getPeer(id)?.getPacket() ?? new Uint8Array();
  console.log(`Got data from client ${id}: ${new TextDecoder().decode(pkt)} ... echoing`);
  server.getPeer(id)?.putPacket(pkt);
}

// Call this in _process or _physics_process.
// Data transfer, and signals emission will only happen when calling this function.
const process_ = setInterval(() => server.poll(), 16);
function setProcess(enabled: boolean): void {
  if (!enabled) clearInterval(process_);
}

function exitTree(): void {
  server.stop();
  process.exit(0);
}
process.on('SIGINT', exitTree);
process.on('SIGTERM', exitTree);

ready();

import type { Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { BenchServer } from './bench-server.js';

const BINARY = { binary: true } as const;
const TEXT = { binary: false } as const;

function uncork(socket: Socket): void {
  socket.uncork();
}

/**
 * The socket of `ws`, corked for the rest of this turn: the first send of a turn corks the TCP
 * socket and queues an uncork with `process.nextTick`, as Node's stream guide ("Backpressuring in
 * Streams") and ws's maintainers (websockets/ws#1999: `websocket._socket.cork()`/`uncork()`)
 * suggest, so every echo of one received chunk leaves in one `writev`.
 */
function corkForThisTurn(ws: WebSocket): void {
  const socket = (ws as unknown as { _socket: Socket })._socket;
  if (socket.writableCorked === 0) {
    socket.cork();
    process.nextTick(uncork, socket);
  }
}

/**
 * A raw `ws` echo server (no compression, as every server here). `cork`: the per-turn corking
 * a ws user tunes for many small messages. `ws` uses `bufferutil` when its process may load it.
 */
export function startWsEchoServer(cork: boolean): Promise<BenchServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  // Listeners per connection, as ws's README writes them (idle memory per connection counts them).
  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (cork) corkForThisTurn(ws);
      ws.send(data, isBinary ? BINARY : TEXT);
    });
    ws.on('error', () => {});
  });
  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      const address = wss.address();
      resolve({
        port: typeof address === 'object' && address !== null ? address.port : 0,
        connections: () => wss.clients.size,
        setActive: () => {},
        errors: () => 0,
      });
    });
  });
}

import type { Socket } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { BenchServer } from './bench-server.js';

const BINARY = { binary: true } as const;
const TEXT = { binary: false } as const;

function uncork(socket: Socket): void {
  socket.uncork();
}

/** The plain echo, as ws's README shows it: `ws.send` straight from the message event. */
function echo(this: WebSocket, data: Buffer, isBinary: boolean): void {
  this.send(data, isBinary ? BINARY : TEXT);
}

/**
 * The same with the socket corked per turn, as Node's stream guide ("Backpressuring in Streams")
 * and ws's maintainers (websockets/ws#1999: `websocket._socket.cork()`/`uncork()`) suggest: the
 * first send of a turn corks the TCP socket and queues an uncork with `process.nextTick`, so every
 * echo of one received chunk leaves in one `writev`.
 */
function corkedEcho(this: WebSocket, data: Buffer, isBinary: boolean): void {
  const socket = (this as unknown as { _socket: Socket })._socket;
  if (socket.writableCorked === 0) {
    socket.cork();
    process.nextTick(uncork, socket);
  }
  this.send(data, isBinary ? BINARY : TEXT);
}

/**
 * A raw `ws` echo server (no compression, as every server here). `cork`: the per-turn corking
 * a ws user tunes for many small messages. `ws` uses `bufferutil` when its process may load it.
 */
export function startWsEchoServer(cork: boolean): Promise<BenchServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', cork ? corkedEcho : echo);
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

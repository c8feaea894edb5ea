import { createServer } from 'node:http';
import { Server } from 'socket.io';
import type { BenchServer } from './bench-server.js';

/** Socket.IO with the WebSocket transport only (no polling, no compression), echoing event `e`. */
export function startSocketIoEchoServer(): Promise<BenchServer> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'], serveClient: false, perMessageDeflate: false });
  io.on('connection', (socket) => {
    socket.on('e', (data: unknown) => socket.emit('e', data));
  });
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => {
      const address = http.address();
      resolve({
        port: typeof address === 'object' && address !== null ? address.port : 0,
        connections: () => io.engine.clientsCount,
        setActive: () => {},
        errors: () => 0,
      });
    });
  });
}

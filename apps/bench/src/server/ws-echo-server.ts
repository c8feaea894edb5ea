import { type WebSocket, WebSocketServer } from 'ws';
import type { BenchServer } from './bench-server.js';

/** The baseline: a raw `ws` server that sends every message straight back, as the docs show it. */
export function startWsEchoServer(): Promise<BenchServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data: Buffer, isBinary: boolean) => ws.send(data, { binary: isBinary }));
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

/**
 * Child entry of the soak benchmark: `node --expose-gc soak-server.js <wspeer|ws>`. An echo
 * server on 127.0.0.1 (wspeer's `WebSocketServer` with its defaults, or raw `ws`) that answers
 * `memory` requests with its RSS, JS heap (after full GCs) and open file descriptors.
 */
import { readdirSync } from 'node:fs';
import { WebSocketServer as WsServer } from 'ws';
import { WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';

/** What the server reports. */
export interface SoakMemory {
  rss: number;
  heapUsed: number;
  external: number;
  openFiles: number;
  connections: number;
}

async function start(kind: string): Promise<{ port: number; connections: () => number }> {
  if (kind === 'ws') {
    const wss = new WsServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    wss.on('connection', (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })));
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    return { port: (wss.address() as { port: number }).port, connections: () => wss.clients.size };
  }
  const server = new WebSocketServer({ bindIp: '127.0.0.1', autoPoll: true });
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const packet = peer.getPacket();
    peer.send(packet, peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY);
  });
  server.listen(0);
  return { port: await server.listening(5000), connections: () => server.getPeerIds().length };
}

function memory(connections: number): SoakMemory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('soak-server needs --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    external: m.external,
    openFiles: readdirSync('/proc/self/fd').length,
    connections,
  };
}

const server = await start(process.argv[2] ?? 'wspeer');
process.on('disconnect', () => process.exit(0));
process.on('message', (request: { id: number; cmd: string }) => {
  if (request.cmd === 'exit') process.exit(0);
  process.send?.({ id: request.id, result: memory(server.connections()) });
});
process.send?.({ id: 0, result: { port: server.port } });

import { WebSocket, WebSocketServer } from 'ws';
import type { ReplicationServer } from './replication-server.js';
import { ReplicationWorld } from './replication-world.js';

/**
 * What a hand-written server does: raw `ws`, the whole state as JSON every tick, serialized once and
 * sent to every client. `compact` is the careful version (arrays, positions rounded to 0.01:
 * `[tick,[[id,x,y,hp],...]]`); otherwise the natural one (`{"tick":n,"entities":[{"id":..,"x":..,
 * "y":..,"hp":..},...]}` with full doubles).
 */
export async function startJsonReplicationServer(compact: boolean): Promise<ReplicationServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const world = new ReplicationWorld();
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    port,
    clients: () => server.clients.size,
    tick: () => {
      world.step();
      const text = compact
        ? JSON.stringify([world.tick, world.entities.map((e) => [e.id, round(e.x), round(e.y), e.hp])])
        : JSON.stringify({ tick: world.tick, entities: world.entities });
      for (const client of server.clients) if (client.readyState === WebSocket.OPEN) client.send(text);
    },
    close: () => {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}

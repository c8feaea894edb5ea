import type { Server } from 'node:http';
import { WebSocketServer } from 'wspeer/server';

/**
 * `/mirror`: the `lws-mirror-protocol` mirror. Every message goes to every client of the endpoint
 * (the sender included), in the frame type it came in, so the documentation's minimal client runs
 * verbatim against it.
 */
export function mirrorEndpoint(http: Server, log: (line: string) => void): WebSocketServer {
  const server = new WebSocketServer({ autoPoll: true });
  server.on('client_connected', (id, protocol) => log(`[mirror] client ${id} connected with protocol: ${protocol}`));
  server.on('client_disconnected', (id, clean) => log(`[mirror] client ${id} disconnected, clean: ${clean}`));
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const packet = peer.getPacket();
    const mode = peer.wasStringPacket() ? 0 : 1;
    for (const other of server.getPeerIds()) server.getPeer(other)?.send(packet, mode);
  });
  server.attach(http, { path: '/mirror', protocols: ['lws-mirror-protocol'] });
  return server;
}

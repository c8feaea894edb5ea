import type { Server } from 'node:http';
import { WebSocketServer } from 'wspeer/server';

/**
 * `/echo`: the minimal server of Godot's WebSocket documentation, line for line: it logs
 * connections, close requests and disconnections, and echoes every packet back.
 */
export function echoEndpoint(http: Server, log: (line: string) => void): WebSocketServer {
  const server = new WebSocketServer({ autoPoll: true });
  server.on('client_connected', (id, proto) => log(`Client ${id} connected with protocol: ${proto}`));
  server.on('client_close_request', (id, code, reason) =>
    log(`Client ${id} disconnecting with code: ${code}, reason: ${reason}`),
  );
  server.on('client_disconnected', (id, wasClean) => log(`Client ${id} disconnected, clean: ${wasClean}`));
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const pkt = peer.getPacket();
    const text = peer.wasStringPacket();
    log(`Got data from client ${id}: ${new TextDecoder().decode(pkt)} ... echoing`);
    peer.send(pkt, text ? 0 : 1);
  });
  server.attach(http, { path: '/echo' });
  return server;
}

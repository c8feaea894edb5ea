import type { Server } from 'node:http';
import { WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';
import { quoteMessage } from './demo-log.js';
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';
import { sendOrCut } from './send-or-cut.js';

/**
 * `/echo`: the minimal server of Godot's WebSocket documentation, line for line: it logs
 * connections, close requests and disconnections, and echoes every packet back. The log quotes at
 * most 64 characters of a message; a client that does not read its echoes is cut (1008).
 */
export function echoEndpoint(
  http: Server,
  log: (line: string) => void,
  settings: EndpointSettings = DEFAULT_ENDPOINT_SETTINGS,
): WebSocketServer {
  const server = new WebSocketServer({ autoPoll: true, heartbeatInterval: settings.heartbeatInterval });
  server.on('client_connected', (id, proto) => log(`Client ${id} connected with protocol: ${proto}`));
  server.on('client_close_request', (id, code, reason) =>
    log(`Client ${id} disconnecting with code: ${code}, reason: ${reason}`),
  );
  server.on('client_disconnected', (id, wasClean) => log(`Client ${id} disconnected, clean: ${wasClean}`));
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const pkt = peer.getPacket();
    const mode = peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY;
    log(`Got data from client ${id}: ${quoteMessage(pkt)} ... echoing`);
    sendOrCut(server, id, pkt, mode, log, '[echo]');
  });
  server.attach(http, { path: '/echo' });
  return server;
}

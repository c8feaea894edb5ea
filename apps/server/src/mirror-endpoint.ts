import type { Server } from 'node:http';
import { WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';
import { sendOrCut } from './send-or-cut.js';

/**
 * `/mirror`: the `lws-mirror-protocol` mirror. Every message goes to every client of the endpoint
 * (the sender included), in the frame type it came in, so the documentation's minimal client runs
 * verbatim against it. A client that does not read is cut (1008) rather than skipped.
 */
export function mirrorEndpoint(
  http: Server,
  log: (line: string) => void,
  settings: EndpointSettings = DEFAULT_ENDPOINT_SETTINGS,
): WebSocketServer {
  const server = new WebSocketServer({ autoPoll: true, heartbeatInterval: settings.heartbeatInterval });
  server.on('client_connected', (id, protocol) => log(`[mirror] client ${id} connected with protocol: ${protocol}`));
  server.on('client_disconnected', (id, clean) => log(`[mirror] client ${id} disconnected, clean: ${clean}`));
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const packet = peer.getPacket();
    const mode = peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY;
    for (const other of server.getPeerIds()) sendOrCut(server, other, packet, mode, log, '[mirror]');
  });
  server.attach(http, { path: '/mirror', protocols: ['lws-mirror-protocol'] });
  return server;
}

import type { Server } from 'node:http';
import { WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';
import { sendOrCut } from './send-or-cut.js';

/** Largest ping accepted by `/ping`: pings are small text frames like `"ping 42"`. */
const MAX_PING_BYTES = 256;
/** Most pings a client may send per second (the page sends one); more are cut (1008). */
const MAX_PINGS_PER_SECOND = 50;

/**
 * `/ping`: a silent echo for the demo page's round-trip-time meter. Every message comes back in
 * the frame type it came in, without a log line (the page pings every second). Messages larger
 * than {@link MAX_PING_BYTES} close the connection with 1009; more than
 * {@link MAX_PINGS_PER_SECOND} a second cut it with 1008.
 */
export function pingEndpoint(http: Server, settings: EndpointSettings = DEFAULT_ENDPOINT_SETTINGS): WebSocketServer {
  const server = new WebSocketServer({
    autoPoll: true,
    inboundBufferSize: MAX_PING_BYTES,
    maxQueuedPackets: 16,
    maxMessagesPerSecond: MAX_PINGS_PER_SECOND,
    rateLimitPolicy: 'cut',
    heartbeatInterval: settings.heartbeatInterval,
  });
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const packet = peer.getPacket();
    sendOrCut(server, id, packet, peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY, () => {}, '[ping]');
  });
  server.attach(http, { path: '/ping' });
  return server;
}

import type { Server } from 'node:http';
import { WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';

/** Largest ping accepted by `/ping`: pings are small text frames like `"ping 42"`. */
const MAX_PING_BYTES = 256;

/**
 * `/ping`: a silent echo for the demo page's round-trip-time meter. Every message comes back in
 * the frame type it came in, without a log line (the page pings every second). Messages larger
 * than {@link MAX_PING_BYTES} close the connection with 1009.
 */
export function pingEndpoint(http: Server): WebSocketServer {
  const server = new WebSocketServer({ autoPoll: true, inboundBufferSize: MAX_PING_BYTES, maxQueuedPackets: 16 });
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const packet = peer.getPacket();
    peer.send(packet, peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY);
  });
  server.attach(http, { path: '/ping' });
  return server;
}

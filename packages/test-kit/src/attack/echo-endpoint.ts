import type { Server } from 'node:http';
import { CloseCode, CloseReason, ErrorCode, WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';

/**
 * `/echo` on `http`: a raw `WebSocketServer` echo that cuts a client that does not read (what the
 * honest echo client of every attack measures).
 */
export function attachEcho(http: Server, heartbeatInterval: number): WebSocketServer {
  const echo = new WebSocketServer({ autoPoll: true, heartbeatInterval });
  echo.on('data_received', (id) => {
    const peer = echo.getPeer(id);
    if (peer === null) return;
    const packet = peer.getPacket();
    if (peer.send(packet, peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY) === ErrorCode.ERR_OUT_OF_MEMORY) {
      peer.close(CloseCode.POLICY_VIOLATION, CloseReason.BUFFER_OVERFLOW);
    }
  });
  echo.attach(http, { path: '/echo' });
  return echo;
}

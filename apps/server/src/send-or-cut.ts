import { CloseCode, CloseReason, ErrorCode, type WriteMode } from 'wspeer';
import type { WebSocketServer } from 'wspeer/server';

/**
 * Sends `packet` to client `id`; a client whose outbound buffer is full (it does not read what we
 * send) is cut with 1008 "Buffer overflow" and a log line, never skipped silently.
 */
export function sendOrCut(
  server: WebSocketServer,
  id: number,
  packet: Uint8Array,
  mode: WriteMode,
  log: (line: string) => void,
  where: string,
): void {
  const peer = server.getPeer(id);
  if (peer === null || peer.send(packet, mode) !== ErrorCode.ERR_OUT_OF_MEMORY) return;
  log(`${where} client ${id} does not read what we send (outbound buffer full): disconnecting it`);
  server.cutPeer(id, CloseCode.POLICY_VIOLATION, CloseReason.BUFFER_OVERFLOW, 'buffer-overflow');
}

import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Refuses a WebSocket upgrade with a real HTTP response (status, reason in the body and in an
 * `X-WebSocket-Reject-Reason` header) and closes the connection.
 */
export function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const text = STATUS_CODES[status] ?? 'Error';
  const safe = reason.replace(/[^\x20-\x7e]/g, '?');
  const body = `${status} ${text}: ${safe}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `X-WebSocket-Reject-Reason: ${safe}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), 1000).unref();
}

import type * as values from './close-code-values.js';

/**
 * WebSocket close codes (RFC 6455 §7.4) plus Godot's `-1` for a connection that ended without a
 * close handshake (what browsers report as 1006). A module namespace: bundlers inline each use.
 */
export * as CloseCode from './close-code-values.js';

/** One of the numbers in {@link CloseCode}. */
export type CloseCode = (typeof values)[keyof typeof values];

/** The longest close reason, in UTF-8 bytes, that fits a close frame (125 - 2 code bytes). */
export const MAX_CLOSE_REASON_BYTES = 123;

/** Whether `code` may be sent in a close frame (RFC 6455 §7.4.1-2: 1000-1014 minus 1004-1006, 3000-4999). */
export function isSendableCloseCode(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  if (code >= 3000 && code <= 4999) return true;
  return code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006;
}

/**
 * WebSocket close codes (RFC 6455 §7.4) plus Godot's `-1` for a connection that ended without a
 * close handshake (what browsers report as 1006).
 */
export const CloseCode = {
  UNCLEAN: -1,
  NORMAL: 1000,
  GOING_AWAY: 1001,
  PROTOCOL_ERROR: 1002,
  UNSUPPORTED_DATA: 1003,
  NO_STATUS: 1005,
  ABNORMAL: 1006,
  INVALID_PAYLOAD: 1007,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  MANDATORY_EXTENSION: 1010,
  INTERNAL_ERROR: 1011,
} as const;

/**
 * The reasons wspeer itself gives when it ends a connection, so that causes are data rather than a
 * bare 1006: compare `peer.closeReason` against these.
 */
export const CloseReason = {
  HEARTBEAT_TIMEOUT: 'Heartbeat timeout',
  HANDSHAKE_TIMEOUT: 'Handshake timeout',
  MESSAGE_TOO_BIG: 'Message too big',
  PROTOCOL_ERROR: 'Protocol error',
  INVALID_PAYLOAD: 'Invalid frame payload data',
  BUFFER_OVERFLOW: 'Buffer overflow',
  SERVER_STOPPED: 'Server stopped',
} as const;

/** The longest close reason, in UTF-8 bytes, that fits a close frame (125 - 2 code bytes). */
export const MAX_CLOSE_REASON_BYTES = 123;

/** Whether `code` may be sent in a close frame (RFC 6455 §7.4.1-2: 1000-1014 minus 1004-1006, 3000-4999). */
export function isSendableCloseCode(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  if (code >= 3000 && code <= 4999) return true;
  return code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006;
}

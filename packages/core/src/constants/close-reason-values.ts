/**
 * The values of `CloseReason`, one export each so bundlers inline the strings. Import
 * `CloseReason` from `close-reason.ts`, not this module.
 */

/** A peer missed a pong within `heartbeatInterval`. */
export const HEARTBEAT_TIMEOUT = 'Heartbeat timeout';
/** A client did not finish the upgrade within the server's `handshakeTimeout`. */
export const HANDSHAKE_TIMEOUT = 'Handshake timeout';
/** A message was bigger than `inboundBufferSize` (close code 1009). */
export const MESSAGE_TOO_BIG = 'Message too big';
/** The other side broke the WebSocket protocol (close code 1002). */
export const PROTOCOL_ERROR = 'Protocol error';
/** A text frame was not valid UTF-8 (close code 1007). */
export const INVALID_PAYLOAD = 'Invalid frame payload data';
/** A multiplayer relay target could not keep up (close code 1008). */
export const BUFFER_OVERFLOW = 'Buffer overflow';
/** The server was stopped (close code 1001). */
export const SERVER_STOPPED = 'Server stopped';
/** A client sent more than the server's `maxMessagesPerSecond` / `maxBytesPerSecond` (policy `cut`, close code 1008). */
export const RATE_LIMIT = 'Rate limit exceeded';
/** A peer sent pings faster than they can be answered (close code 1008). */
export const TOO_MANY_PINGS = 'Too many pings';

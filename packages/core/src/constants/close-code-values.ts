/**
 * The values of `CloseCode`, one export each so bundlers inline the numbers. Import `CloseCode`
 * from `close-code.ts`, not this module.
 */

/** `-1`: the connection ended without a close handshake (Godot's number; browsers say 1006). */
export const UNCLEAN = -1;
/** `1000`: normal closure. */
export const NORMAL = 1000;
/** `1001`: the endpoint is going away (server shutdown, page navigation). */
export const GOING_AWAY = 1001;
/** `1002`: protocol error. */
export const PROTOCOL_ERROR = 1002;
/** `1003`: a data type the endpoint cannot accept. */
export const UNSUPPORTED_DATA = 1003;
/** `1005`: no status code was present (never sent on the wire). */
export const NO_STATUS = 1005;
/** `1006`: abnormal closure (never sent on the wire). */
export const ABNORMAL = 1006;
/** `1007`: invalid payload data (e.g. bad UTF-8 in a text frame). */
export const INVALID_PAYLOAD = 1007;
/** `1008`: policy violation (wspeer uses it for a relay buffer overflow). */
export const POLICY_VIOLATION = 1008;
/** `1009`: a message was bigger than the receiver's `inboundBufferSize`. */
export const MESSAGE_TOO_BIG = 1009;
/** `1010`: a required extension was not negotiated. */
export const MANDATORY_EXTENSION = 1010;
/** `1011`: the server met an unexpected condition. */
export const INTERNAL_ERROR = 1011;

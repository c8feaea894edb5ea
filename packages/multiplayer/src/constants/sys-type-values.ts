/**
 * The values of `SysType`: one export per message type, so bundlers inline the numbers. Import
 * `SysType` from `godot3-frame.ts`, not this module.
 */

/** `0`: a data packet. */
export const NONE = 0;
/** `1`: server to client: peer (id after the header) joined. */
export const ADD = 1;
/** `2`: server to client: peer (id after the header) left. */
export const DEL = 2;
/** `3`: server to client: your id (after the header). */
export const ID = 3;

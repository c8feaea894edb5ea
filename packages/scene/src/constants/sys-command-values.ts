/**
 * The values of `SysCommand`: Godot 4 SceneMultiplayer's `SysCommands`, the second byte of a SYS
 * packet. Import `SysCommand` from `scene-command.ts`, not this module.
 */

/** `0`: authentication data, or (with nothing after it) "I completed authentication". */
export const AUTH = 0;
/** `1`: server to client: a peer joined (int32 id follows). */
export const ADD_PEER = 1;
/** `2`: server to client: a peer left (int32 id follows). */
export const DEL_PEER = 2;
/** `3`: relay through the server: int32 target (to server) or source (from server), then the inner packet. */
export const RELAY = 3;

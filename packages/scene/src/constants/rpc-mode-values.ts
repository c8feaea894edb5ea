/**
 * The values of `RpcMode`: Godot 4's `MultiplayerAPI.RPCMode`. Import `RpcMode` from
 * `rpc-mode.ts`, not this module.
 */

/** `0`: nobody may call it. */
export const DISABLED = 0;
/** `1`: any peer may call it (`@rpc("any_peer")`). */
export const ANY_PEER = 1;
/** `2`: only the node's multiplayer authority may call it (`@rpc`, the default). */
export const AUTHORITY = 2;

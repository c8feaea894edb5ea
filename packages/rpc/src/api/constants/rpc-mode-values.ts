/**
 * The values of `RpcMode`, one export per mode, so bundlers inline the numbers. The MultiplayerAPI
 * imports them from here; users import `RpcMode` from `rpc-mode.ts`.
 */

/** `0`: not callable over the network. */
export const DISABLED = 0;
/** `1`: any peer may call it. */
export const REMOTE = 1;
/** `2`: only runs on the node's master. */
export const MASTER = 2;
/** `3`: only the node's master may call it (runs on the others). */
export const PUPPET = 3;
/** `4`: {@link REMOTE}, and also runs locally. */
export const REMOTESYNC = 4;
/** `5`: {@link MASTER}, and also runs locally. */
export const MASTERSYNC = 5;
/** `6`: {@link PUPPET}, and also runs locally. */
export const PUPPETSYNC = 6;

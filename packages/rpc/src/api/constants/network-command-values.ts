/**
 * The values of `NetworkCommand`, one export per command, so bundlers inline the numbers. The
 * MultiplayerAPI imports them from here; users import `NetworkCommand` from `network-command.ts`.
 */

/** `0`: call a method (`[0][target][name\0][argc][args...]`). */
export const REMOTE_CALL = 0;
/** `1`: set a property (`[1][target][name\0][value]`). */
export const REMOTE_SET = 1;
/** `2`: teach a path's cache id (`[2][cache id][path\0]`). */
export const SIMPLIFY_PATH = 2;
/** `3`: confirm a taught path (`[3][path\0]`). */
export const CONFIRM_PATH = 3;
/** `4`: raw bytes for `network_peer_packet` (`[4][bytes...]`). */
export const RAW = 4;

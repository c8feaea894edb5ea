/**
 * The values of `SceneCommand`: Godot 4 SceneMultiplayer's `NetworkCommands`, in the low three bits
 * of every packet's first byte (`modules/multiplayer/scene_multiplayer.h`). Import `SceneCommand`
 * from `scene-command.ts`, not this module.
 */

/** `0`: a call of an `@rpc` method. */
export const REMOTE_CALL = 0;
/** `1`: a sender's node path cache entry (checksum, cache id, path). */
export const SIMPLIFY_PATH = 1;
/** `2`: the answer to SIMPLIFY_PATH (checksum ok, cache id). */
export const CONFIRM_PATH = 2;
/** `3`: `send_bytes` data. */
export const RAW = 3;
/** `4`: replication: a MultiplayerSpawner spawned a node. */
export const SPAWN = 4;
/** `5`: replication: a spawned node was removed. */
export const DESPAWN = 5;
/** `6`: replication: MultiplayerSynchronizer state. */
export const SYNC = 6;
/** `7`: a system message (authentication, peer announcements, relay). */
export const SYS = 7;

/**
 * The values of `ReplicationMode`: Godot 4's `SceneReplicationConfig.ReplicationMode`
 * (`modules/multiplayer/scene_replication_config.h`). Import `ReplicationMode` from
 * `replication-mode.ts`, not this module.
 */

/** `0`: not synchronized after spawn (it may still be a spawn property). */
export const NEVER = 0;
/** `1`: sent in every SYNC (unreliable, ordered by the sync time), whether it changed or not. */
export const ALWAYS = 1;
/** `2`: watched; sent in a reliable delta SYNC when it changed. */
export const ON_CHANGE = 2;

/**
 * Replication packets as the live Godot 4.6 web build sent them (captured by
 * `replication-godot4.node.test.ts`, which checks every run still matches): a client that owns
 * `Main/ItemSpawner` adds `Gem` (res://item.tscn, position (1.5, -2), kind "ruby"), moves it, changes
 * its kind to "pearl" and frees it. Hex, as the test kit prints them.
 */

/** SIMPLIFY_PATH of the spawner: md5 of "" (no RPCs), cache id 1, `Main/ItemSpawner`. */
export const GODOT_ITEM_SIMPLIFY_PATH =
  '01643431643863643938663030623230346539383030393938656366383432376500010000004d61696e2f4974656d537061776e657200';

/**
 * SPAWN: scene 0, spawner cache id 1, net id 1, one synchronizer (net id 2), name "Gem" (4 bytes with
 * the NUL), then the spawn state: position Vector2(1.5, -2) and kind "ruby" (full Variants).
 */
export const GODOT_ITEM_SPAWN =
  '0400010000000100000001000000040000000200000047656d00050000000000c03f000000c0040000000400000072756279';

/** The delta right after the spawn: synchronizer 2, bitmask 1 (kind, the only ON_CHANGE property), "ruby". */
export const GODOT_ITEM_DELTA_SPAWN = '160200000001000000000000000c000000040000000400000072756279';

/** The first SYNC: time 1, synchronizer 2, 12 bytes: position Vector2(1.5, -2). */
export const GODOT_ITEM_SYNC = '060100020000000c000000050000000000c03f000000c0';

/** A later delta: kind "pearl". */
export const GODOT_ITEM_DELTA_PEARL = '16020000000100000000000000100000000400000005000000706561726c000000';

/** DESPAWN of net id 1. */
export const GODOT_ITEM_DESPAWN = '0501000000';

import type * as modes from './constants/replication-mode-values.js';

/**
 * Godot 4's `SceneReplicationConfig.ReplicationMode`: how a property is synchronized after spawn. A
 * module namespace (frozen, `ReplicationMode.ON_CHANGE` reads like an object member): bundlers
 * inline the numbers.
 */
export * as ReplicationMode from './constants/replication-mode-values.js';

/** One of the numbers in {@link ReplicationMode}. */
export type ReplicationMode = (typeof modes)[keyof typeof modes];

/** A mode by the name the editor's replication panel shows: `'never'`, `'always'` or `'on_change'`. */
export type ReplicationModeName = 'never' | 'always' | 'on_change';

import { reportHandlerError, SignalEmitter } from '@wspeer/core';
import type { ReplicatedNode } from './replicated-node.js';
import type { SceneReplicationConfig } from './scene-replication-config.js';

/** Signals of {@link MultiplayerSynchronizer}, named as Godot 4's. */
export interface MultiplayerSynchronizerEvents {
  /** A SYNC for it arrived and was applied (its ALWAYS properties changed here). */
  synchronized: () => void;
  /** A delta SYNC for it arrived and was applied (some ON_CHANGE properties changed here). */
  delta_synchronized: () => void;
  /** On the authority: its visibility for `forPeer` (0: everyone) changed. */
  visibility_changed: (forPeer: number) => void;
}

/** A visibility filter: whether the synchronized node may be seen by `peer` (Godot's `add_visibility_filter`). */
export type VisibilityFilter = (peer: number) => boolean;

/**
 * When visibility filters are re-evaluated: `'idle'` and `'physics'` (Godot's default, idle) on every
 * `SceneReplicationInterface.process()`, `'none'` only by `updateVisibility()`.
 */
export type VisibilityUpdateMode = 'idle' | 'physics' | 'none';

/** What a synchronizer tells its replication interface (implemented by `SceneReplicationInterface`). */
export interface SynchronizerHost {
  /** Our peer id (0 without a peer). */
  ownId(): number;
  /** Its visibility for `peer` (0: all) may have changed. */
  visibilityChanged(sync: MultiplayerSynchronizer, peer: number): void;
  /** Its authority changed: restart it (net id reset, visibility recomputed). */
  authorityChanged(sync: MultiplayerSynchronizer): void;
}

/** Settings of a synchronizer when it is made. */
export interface MultiplayerSynchronizerInit {
  /** Its own node path (`"Main/Players/Bot/Sync"`). */
  path: string;
  /** The node whose properties it replicates (Godot's `root_path`). */
  node: ReplicatedNode;
  /** What it replicates. */
  config: SceneReplicationConfig;
  /** Its multiplayer authority. */
  authority: number;
  /** Seconds between SYNCs. */
  replicationInterval: number;
  /** Seconds between delta SYNCs. */
  deltaInterval: number;
  /** Visible to every peer. */
  publicVisibility: boolean;
}

/**
 * Godot 4's `MultiplayerSynchronizer`: replicates the properties of one node per its
 * {@link SceneReplicationConfig}, from its multiplayer authority to every peer it is visible to:
 * ALWAYS properties in SYNCs every `replicationInterval`, ON_CHANGE properties in reliable deltas
 * every `deltaInterval`. Visibility: `publicVisibility`, `setVisibilityFor(peer)` and filters, applied
 * to its node's spawn as well (a spawned node is visible where any of its synchronizers is).
 */
export class MultiplayerSynchronizer extends SignalEmitter<MultiplayerSynchronizerEvents> {
  /** Its node path (`"Main/Players/Bot/Sync"`): static synchronizers and ones without a spawn id travel by it. */
  readonly path: string;
  /** The node whose properties it replicates. */
  readonly node: ReplicatedNode;
  /** What it replicates. */
  readonly config: SceneReplicationConfig;
  /** Seconds between SYNCs (Godot's `replication_interval`; 0 = every `process()`). */
  replicationInterval: number;
  /** Seconds between delta SYNCs (Godot's `delta_interval`; 0 = every `process()`). */
  deltaInterval: number;
  /** When filters are re-evaluated (default `'idle'`: every `process()`, as Godot). */
  visibilityUpdateMode: VisibilityUpdateMode = 'idle';
  readonly #host: SynchronizerHost;
  readonly #visibility = new Set<number>();
  readonly #filters = new Set<VisibilityFilter>();
  #authority: number;

  /** Made by the replication interface (for spawned scenes and static synchronizers). */
  constructor(host: SynchronizerHost, init: MultiplayerSynchronizerInit) {
    super();
    this.#host = host;
    this.path = init.path;
    this.node = init.node;
    this.config = init.config;
    this.#authority = init.authority;
    this.replicationInterval = init.replicationInterval;
    this.deltaInterval = init.deltaInterval;
    if (init.publicVisibility) this.#visibility.add(0);
  }

  /** Whether every peer sees it (Godot's `public_visibility`). */
  get publicVisibility(): boolean {
    return this.#visibility.has(0);
  }

  /** Makes it visible to every peer, or to the peers set with `setVisibilityFor` and filters only. */
  set publicVisibility(visible: boolean) {
    this.setVisibilityFor(0, visible);
  }

  /** Lets `peer` see it or not (0: everyone, as `publicVisibility`), as Godot's `set_visibility_for`. */
  setVisibilityFor(peer: number, visible: boolean): void {
    if (this.#visibility.has(peer) === visible) return;
    if (visible) this.#visibility.add(peer);
    else this.#visibility.delete(peer);
    this.updateVisibility(peer);
  }

  /** Whether `setVisibilityFor(peer, true)` is in effect (not counting filters). */
  getVisibilityFor(peer: number): boolean {
    return this.#visibility.has(peer);
  }

  /** Adds a filter: a peer sees it only if every filter returns true (and it is public or visible for that peer). */
  addVisibilityFilter(filter: VisibilityFilter): void {
    this.#filters.add(filter);
  }

  /** Removes a filter added with {@link MultiplayerSynchronizer.addVisibilityFilter}. */
  removeVisibilityFilter(filter: VisibilityFilter): void {
    this.#filters.delete(filter);
  }

  /** Whether it has visibility filters (re-evaluated on `process()` unless the update mode is `'none'`). */
  hasVisibilityFilters(): boolean {
    return this.#filters.size > 0;
  }

  /** Whether `peer` sees it: every filter passes, and it is public or visible for that peer (Godot's `is_visible_to`). */
  isVisibleTo(peer: number): boolean {
    for (const filter of this.#filters) {
      let ok: unknown;
      try {
        ok = filter(peer);
      } catch (error) {
        reportHandlerError(error, `visibility filter of ${this.path}`);
        return false;
      }
      if (ok !== true) return false;
    }
    return this.#visibility.has(0) || this.#visibility.has(peer);
  }

  /** Re-applies visibility for `forPeer` (0: all peers), e.g. after a filter's inputs changed. Authority only. */
  updateVisibility(forPeer = 0): void {
    if (!this.isMultiplayerAuthority()) return;
    this.#host.visibilityChanged(this, forPeer);
    this.emit('visibility_changed', forPeer);
  }

  /** Its multiplayer authority (default 1). */
  getMultiplayerAuthority(): number {
    return this.#authority;
  }

  /** Whether we are its authority. */
  isMultiplayerAuthority(): boolean {
    return this.#authority === this.#host.ownId();
  }

  /** Sets its authority; it restarts (net id reset, visibility recomputed), as Godot's. */
  setMultiplayerAuthority(id: number): void {
    if (id === this.#authority) return;
    this.#authority = id;
    this.#host.authorityChanged(this);
  }
}

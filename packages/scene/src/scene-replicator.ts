import type { ErrorCode } from '@wspeer/core';
import type { ScenePathCache } from './scene-path-cache.js';

/**
 * A replication layer plugged into a `SceneMultiplayer` (what Godot's `SceneReplicationInterface`
 * is to its `SceneMultiplayer`): it gets SPAWN, DESPAWN and SYNC packets, peer changes and resets.
 * Kept as an interface so a SceneMultiplayer without replication ships none of it.
 */
export interface SceneReplicator {
  /** A peer was admitted (`connected`) or left; called before `peer_connected` / `peer_disconnected`. */
  onPeerChange(id: number, connected: boolean): void;
  /** The peer changed or the connection ended: forget every peer-side state (Godot's `on_reset`). */
  onReset(): void;
  /** A SPAWN, DESPAWN or SYNC packet from `from` (the true sender; relayed packets included). */
  onPacket(from: number, packet: Uint8Array): void;
  /** The replication object at `path` (a spawner or synchronizer), if any: its own path and RPC checksum (md5 hex). */
  replicatedPath(path: string): ReplicatedPath | undefined;
  /** Whether `peer` may get RPCs on the node at `path` (Godot's `is_rpc_visible`: replicated nodes it cannot see, no). */
  isRpcVisible(path: string, peer: number): boolean;
}

/**
 * A spawner or synchronizer as SIMPLIFY_PATH knows it (see {@link SceneReplicator.replicatedPath}):
 * shaped as a registered node's path and RPC configuration, so both are looked up alike.
 */
export interface ReplicatedPath {
  /** Its own path (a string of ours, never a view on a remote packet's text). */
  readonly path: string;
  /** Its RPC configuration (no methods), as a node's. */
  readonly config: {
    /** The RPC checksum (md5 hex) of its method list. */
    readonly md5: string;
    /** Its RPC method names (none). */
    readonly names: readonly string[];
  };
}

/**
 * What a {@link SceneReplicator} may do through its `SceneMultiplayer` (`attachReplicator` gives all
 * but `sendObjectCache`, which the replicator builds from `paths` and `send`: so a SceneMultiplayer
 * without replication does not carry it).
 */
export interface SceneReplicationLink {
  /** Our peer id (0 without a peer). */
  ownId(): number;
  /** Sends SIMPLIFY_PATH for `path` to `peer` unless done before; whether `peer` confirmed it (Godot's `send_object_cache`). */
  sendObjectCache(path: string, md5: string, peer: number): boolean;
  /**
   * The node path cache: `sent(path).id` is our id of `path` (numbered on first use; Godot's
   * `make_object_cache`), `lookup(from, id)` the path `from` means by its id.
   */
  readonly paths: ScenePathCache;
  /** Sends `packet` to `to` (through the server's relay from a client), reliable or not, channel 0. */
  send(to: number, packet: Uint8Array, reliable: boolean): ErrorCode;
  /** Counts and reports a refused packet (kind: a fixed name; reason: bounded text). */
  refuse(from: number, kind: string, reason: string): void;
}

import type { MultiplayerSynchronizer } from './multiplayer-synchronizer.js';
import type { ReplicatedNode } from './replicated-node.js';

/**
 * What the replication interface keeps per peer (Godot's `PeerInfo`): the nodes and synchronizers
 * it sees, when it last got a delta of each, its SYNC clock, and what it spawned here (bounded by
 * `maxSpawnedPerPeer`).
 */
export class ReplicationPeer {
  /** Our spawned nodes this peer has (we sent their SPAWN). */
  readonly spawnNodes = new Set<ReplicatedNode>();
  /** Our synchronizers this peer sees (it gets their SYNCs and deltas). */
  readonly syncNodes = new Set<MultiplayerSynchronizer>();
  /** Per synchronizer, the time (µs) of the last delta sent to this peer. */
  readonly lastWatch = new Map<MultiplayerSynchronizer, number>();
  /** Nodes this peer spawned here, by its net id. */
  readonly recvNodes = new Map<number, ReplicatedNode>();
  /** Synchronizers of those nodes, by the net id its SPAWN gave them. */
  readonly recvSyncIds = new Map<number, MultiplayerSynchronizer>();
  /** The last SYNC time sent to this peer (u16, wraps). */
  lastSentSync = 0;

  /** Stops sending `sync` to this peer. */
  dropSync(sync: MultiplayerSynchronizer): void {
    this.syncNodes.delete(sync);
    this.lastWatch.delete(sync);
  }
}

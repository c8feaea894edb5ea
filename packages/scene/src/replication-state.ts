import { msg } from '@wspeer/core';
import type { Variant4, VariantCodec } from '@wspeer/variant';
import type { MultiplayerSpawner } from './multiplayer-spawner.js';
import { MultiplayerSynchronizer, type SynchronizerHost } from './multiplayer-synchronizer.js';
import { ReplicatedNode } from './replicated-node.js';
import type { ReplicatedScene, SceneSynchronizer, SynchronizerSpec } from './replicated-scene.js';
import type { ReplicationPeer } from './replication-peer.js';
import { checkSceneArgType, fitsSceneArgType, type SceneArgType, zeroSceneArg } from './scene-arg-type.js';
import { SynchronizerState } from './synchronizer-state.js';

/** A node the replication interface tracks: its net id and values. */
export interface Tracked {
  /** The node's net id (0 until a SPAWN of ours needs one, or the sender's id for a received node). */
  netId: number;
  /** Its values by name (the map the node reads). */
  readonly values: Map<string, unknown>;
}

/** The limits a peer pushes against, read live from the interface's settings. */
export interface ReplicationLimits {
  /** Most live nodes one peer may spawn here. */
  readonly maxSpawnedPerPeer: number;
  /** Largest SYNC packet sent. */
  readonly maxSyncPacketSize: number;
  /** Largest delta packet sent. */
  readonly maxDeltaPacketSize: number;
  /** Longest node name in a SPAWN (UTF-8 bytes). */
  readonly maxNameBytes: number;
  /** Most nested containers in a received value. */
  readonly maxDepth: number;
}

/** Counters of the replication interface (see `ReplicationStats`). */
export interface ReplicationCounts {
  /** SPAWN packets sent. */
  spawnsSent: number;
  /** DESPAWN packets sent. */
  despawnsSent: number;
  /** SYNC packets sent. */
  syncsSent: number;
  /** Delta packets sent. */
  deltasSent: number;
  /** Replication bytes sent. */
  bytesSent: number;
  /** SYNC entries applied. */
  syncsApplied: number;
  /** Delta entries applied. */
  deltasApplied: number;
  /** SYNC entries older than the last applied. */
  stale: number;
  /** SYNC entries for unknown synchronizers. */
  unknown: number;
}

/**
 * What the replication interface knows (Godot keeps it in `SceneReplicationInterface` and the nodes):
 * declared spawners, every replicated node and synchronizer by path, tracking data, the peers, and
 * the bookkeeping that adds and removes them. Shared by the sender and the receiver.
 */
export class ReplicationState {
  /** The Variant codec of values (the SceneMultiplayer's). */
  readonly codec: VariantCodec;

  /** The state of one replication interface whose values use `codec`. */
  constructor(codec: VariantCodec) {
    this.codec = codec;
  }

  /** Declared spawners by path. */
  readonly spawners = new Map<string, MultiplayerSpawner>();
  /** Every replicated node by path (spawned, received, static roots). */
  readonly nodesByPath = new Map<string, ReplicatedNode>();
  /** Every synchronizer by path. */
  readonly syncsByPath = new Map<string, MultiplayerSynchronizer>();
  /** Tracking data per node. */
  readonly tracked = new Map<ReplicatedNode, Tracked>();
  /** Bookkeeping per synchronizer. */
  readonly states = new Map<MultiplayerSynchronizer, SynchronizerState>();
  /** Nodes we spawned (Godot's `spawned_nodes`). */
  readonly spawned = new Set<ReplicatedNode>();
  /** Running synchronizers (Godot's `sync_nodes`). */
  readonly syncNodes = new Set<MultiplayerSynchronizer>();
  /** Per admitted peer. */
  readonly peers = new Map<number, ReplicationPeer>();
  /** Counters. */
  readonly counts: ReplicationCounts = {
    spawnsSent: 0,
    despawnsSent: 0,
    syncsSent: 0,
    deltasSent: 0,
    bytesSent: 0,
    syncsApplied: 0,
    deltasApplied: 0,
    stale: 0,
    unknown: 0,
  };
  /** The last net id given out (nodes and synchronizers share the counter, as in Godot). */
  lastNetId = 0;

  /** Starts tracking `node` with its value map. */
  registerNode(node: ReplicatedNode, values: Map<string, unknown>, netId: number): void {
    this.tracked.set(node, { netId, values });
    this.nodesByPath.set(node.path, node);
  }

  /** Makes the synchronizer of `node` described by `scene`, at `path`, with `authority` (not started). */
  makeSync(
    host: SynchronizerHost,
    node: ReplicatedNode,
    scene: SceneSynchronizer,
    path: string,
    authority: number,
  ): MultiplayerSynchronizer {
    const spec = scene.spec;
    const sync = new MultiplayerSynchronizer(host, {
      path,
      node,
      config: scene.config,
      authority,
      replicationInterval: spec.replicationInterval ?? 0,
      deltaInterval: spec.deltaInterval ?? 0,
      publicVisibility: spec.publicVisibility ?? true,
    });
    (node.synchronizers as MultiplayerSynchronizer[]).push(sync);
    this.states.set(sync, new SynchronizerState(this.track(node).values, this.codec));
    this.syncsByPath.set(path, sync);
    return sync;
  }

  /** The tracking data of a node this state knows. */
  track(node: ReplicatedNode): Tracked {
    return this.tracked.get(node) as Tracked;
  }

  /** The bookkeeping of a synchronizer this state knows. */
  state(sync: MultiplayerSynchronizer): SynchronizerState {
    return this.states.get(sync) as SynchronizerState;
  }

  /** Godot's `on_replication_stop`: no peer gets it any more; its ids and times reset. */
  stopSync(sync: MultiplayerSynchronizer): void {
    this.syncNodes.delete(sync);
    const state = this.state(sync);
    for (const info of this.peers.values()) {
      info.dropSync(sync);
      if (state.netId !== 0 && info.recvSyncIds.get(state.netId) === sync) info.recvSyncIds.delete(state.netId);
    }
    state.reset();
  }

  /** Forgets a node everywhere (Godot's `_untrack`, its synchronizers leaving the tree). */
  removeNode(node: ReplicatedNode): void {
    for (const sync of node.synchronizers) {
      this.stopSync(sync);
      this.states.delete(sync);
      this.syncsByPath.delete(sync.path);
    }
    const tracked = this.tracked.get(node);
    this.tracked.delete(node);
    this.nodesByPath.delete(node.path);
    this.spawned.delete(node);
    node.spawner?.untrack(node);
    for (const info of this.peers.values()) {
      info.spawnNodes.delete(node);
      if (tracked !== undefined && info.recvNodes.get(tracked.netId) === node) info.recvNodes.delete(tracked.netId);
    }
  }
}

/** A synchronizer's authority as its scene declares it (a number, a function of the node, or 1). */
export function authorityOf(spec: SynchronizerSpec, node: ReplicatedNode): number {
  if (typeof spec.authority === 'number') return spec.authority;
  if (typeof spec.authority === 'function') return spec.authority(node);
  return 1;
}

/** The starting values of a node: given ones, else declared defaults, else zero values; types checked. */
export function defaultValues(
  types: ReadonlyMap<string, SceneArgType | undefined>,
  defaults: ReadonlyMap<string, unknown>,
  given: Record<string, unknown> | undefined,
  path: string,
  codec: VariantCodec,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [name, type] of types) {
    if (type !== undefined) checkSceneArgType(type, codec, msg`${path}: property '${name}'`);
    let value: unknown;
    if (given !== undefined && name in given) value = given[name];
    else {
      const declared = defaults.get(name);
      value = declared !== undefined ? declared : zeroSceneArg(type, codec);
    }
    if (type !== undefined && !fitsSceneArgType(value, type, codec)) {
      throw new TypeError(msg`${path}: property '${name}' is declared ${type}; its value does not fit`);
    }
    values.set(name, value);
  }
  if (given !== undefined) {
    for (const name of Object.keys(given)) {
      if (!types.has(name)) throw new Error(msg`${path}: no synchronizer declares a property '${name}'`);
    }
  }
  return values;
}

/** A node (not yet tracked). */
export function newNode(
  name: string,
  path: string,
  spawner: MultiplayerSpawner | null,
  scene: ReplicatedScene | null,
  sceneIndex: number,
  spawnData: Variant4 | undefined,
  remotePeer: number,
  types: ReadonlyMap<string, SceneArgType | undefined>,
  values: Map<string, unknown>,
  codec: VariantCodec,
): ReplicatedNode {
  return new ReplicatedNode({
    name,
    path,
    spawner,
    scene,
    sceneIndex,
    spawnData,
    remotePeer,
    types,
    values,
    codec,
    synchronizers: [],
  });
}

import { ConnectionStatus, msg, reportHandlerError } from '@wspeer/core';
import { DEFAULT_MAX_DEPTH, type Variant4 } from '@wspeer/variant';
import {
  MultiplayerSpawner,
  type MultiplayerSpawnerSpec,
  type SpawnerHost,
  type SpawnInit,
} from './multiplayer-spawner.js';
import type { MultiplayerSynchronizer, SynchronizerHost } from './multiplayer-synchronizer.js';
import { quote } from './quote.js';
import type { ReplicatedNode } from './replicated-node.js';
import type { ReplicatedScene, SynchronizerSpec } from './replicated-scene.js';
import { DEFAULT_DELTA_MTU, DEFAULT_SYNC_MTU, isValidNodeName, NO_RPC_MD5 } from './replication-packets.js';
import { ReplicationPeer } from './replication-peer.js';
import { ReplicationReceiver } from './replication-receiver.js';
import { ReplicationSender } from './replication-sender.js';
import { authorityOf, defaultValues, newNode, ReplicationState } from './replication-state.js';
import { resolveNodePath } from './resolve-node-path.js';
import type { SceneMultiplayer } from './scene-multiplayer.js';
import { simplifyPathPacket } from './scene-packets.js';
import { type ReplicatedPropertySpecs, SceneReplicationConfig } from './scene-replication-config.js';
import type { SceneReplicationLink } from './scene-replicator.js';

/** The RPC configuration of a spawner or synchronizer (no methods) as SIMPLIFY_PATH compares it. */
const NO_RPC_CONFIG = { md5: NO_RPC_MD5, names: [] };
/** Settings of a {@link SceneReplicationInterface}. */
export interface SceneReplicationOptions {
  /** Most live nodes one peer may spawn here (default 4096): SPAWNs past it are refused. */
  maxSpawnedPerPeer?: number;
  /** Largest SYNC packet we send (Godot's `max_sync_packet_size`, default 1350); more entries go in more packets. */
  maxSyncPacketSize?: number;
  /** Largest delta SYNC packet we send (Godot's `max_delta_packet_size`, default 65535). */
  maxDeltaPacketSize?: number;
  /** Longest node name (UTF-8 bytes) a SPAWN may carry (default 255). */
  maxNameBytes?: number;
  /** Most nested containers in a received value (default 64). */
  maxDepth?: number;
}

/** What {@link SceneReplicationInterface.stats} reports. */
export interface ReplicationStats {
  /** Live nodes we spawned. */
  spawned: number;
  /** Live nodes peers spawned here. */
  received: number;
  /** Synchronizers running here (ours and received). */
  synchronizers: number;
  /** SPAWN packets sent. */
  spawnsSent: number;
  /** DESPAWN packets sent. */
  despawnsSent: number;
  /** SYNC packets sent. */
  syncsSent: number;
  /** Delta SYNC packets sent. */
  deltasSent: number;
  /** Bytes of SPAWN, DESPAWN, SYNC and delta packets sent (relay headers not counted). */
  bytesSent: number;
  /** SYNC entries applied. */
  syncsApplied: number;
  /** Delta entries applied. */
  deltasApplied: number;
  /** SYNC entries older than the last applied one (dropped, as Godot does). */
  stale: number;
  /** SYNC entries for a synchronizer not known here (not spawned yet or gone; skipped, as Godot does). */
  unknown: number;
}

const PUBLIC = 0;

/** Microseconds since the page or process started, never 0 (Godot's `get_ticks_usec`). */
function nowUsec(): number {
  return Math.floor(performance.now() * 1000) + 1;
}

/**
 * Godot 4's scene replication (`SceneReplicationInterface` with `MultiplayerSpawner` and
 * `MultiplayerSynchronizer`) over a {@link SceneMultiplayer}, wire-compatible with Godot 4.6: the
 * authority spawns nodes on every peer that can see them (late joiners get every live node), streams
 * ALWAYS properties in SYNCs and ON_CHANGE ones in reliable deltas, and despawns; received SPAWNs,
 * DESPAWNs and SYNCs become {@link ReplicatedNode}s and their values, with the sender checked against
 * the authority. Declare the same spawners and synchronizers (paths, scene lists, property order) as
 * the Godot scene, and call {@link SceneReplicationInterface.process} at your tick rate.
 */
export class SceneReplicationInterface {
  /** Most live nodes one peer may spawn here. */
  maxSpawnedPerPeer: number;
  /** Largest SYNC packet we send. */
  maxSyncPacketSize: number;
  /** Largest delta SYNC packet we send. */
  maxDeltaPacketSize: number;
  /** Longest node name a SPAWN may carry (UTF-8 bytes). */
  maxNameBytes: number;
  /** Most nested containers in a received value. */
  maxDepth: number;
  readonly #scene: SceneMultiplayer;
  readonly #link: SceneReplicationLink;
  readonly #s: ReplicationState;
  readonly #sender: ReplicationSender;
  readonly #receiver: ReplicationReceiver;
  readonly #syncHost: SynchronizerHost;
  readonly #spawnerHost: SpawnerHost;
  #lastUsec = 0;

  /** Replication for `scene` (one per SceneMultiplayer). */
  constructor(scene: SceneMultiplayer, options: SceneReplicationOptions = {}) {
    this.maxSpawnedPerPeer = options.maxSpawnedPerPeer ?? 4096;
    this.maxSyncPacketSize = options.maxSyncPacketSize ?? DEFAULT_SYNC_MTU;
    this.maxDeltaPacketSize = options.maxDeltaPacketSize ?? DEFAULT_DELTA_MTU;
    this.maxNameBytes = options.maxNameBytes ?? 255;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.#scene = scene;
    this.#s = new ReplicationState(scene.codec);
    const ownId = (): number => this.#link.ownId();
    this.#syncHost = {
      ownId,
      visibilityChanged: (sync, peer) => this.#sender.visibilityChanged(sync, peer),
      authorityChanged: (sync) => this.#restartSync(sync),
    };
    this.#spawnerHost = {
      ownId,
      spawnNode: (spawner, sceneSpec, index, data, name, init) =>
        this.#spawnLocal(spawner, sceneSpec, index, data, name, init),
      despawnNode: (spawner, node) => this.#despawnLocal(spawner, node),
    };
    const link = scene.attachReplicator({
      onPeerChange: (id, connected) => this.#onPeerChange(id, connected),
      onReset: () => this.#onReset(),
      onPacket: (from, packet) => this.#receiver.receive(from, packet),
      replicatedPath: (path) => {
        const object = this.#s.spawners.get(path) ?? this.#s.syncsByPath.get(path);
        return object === undefined ? undefined : { path: object.path, config: NO_RPC_CONFIG };
      },
      isRpcVisible: (path, peer) => this.#isRpcVisible(path, peer),
    });
    this.#link = {
      ...link,
      // Godot's `send_object_cache`: SIMPLIFY_PATH to `peer` once (reliable, channel 0), then wait for its CONFIRM_PATH.
      sendObjectCache: (path, md5, peer) => {
        if (scene.multiplayerPeer?.getConnectionStatus() !== ConnectionStatus.CONNECTION_CONNECTED) return false;
        const sent = link.paths.sent(path);
        const state = sent.peers.get(peer);
        if (state !== undefined) return state;
        link.send(peer, simplifyPathPacket(md5, sent.id, path), true);
        sent.peers.set(peer, false);
        return false;
      },
    };
    this.#sender = new ReplicationSender(this.#s, this.#link, this);
    this.#receiver = new ReplicationReceiver(this.#s, this.#link, this, this.#syncHost, (sync) =>
      this.#startSync(sync),
    );
    for (const id of scene.getPeers()) this.#onPeerChange(id, true);
  }

  /** The SceneMultiplayer it replicates over. */
  get multiplayer(): SceneMultiplayer {
    return this.#scene;
  }

  /**
   * Declares the `MultiplayerSpawner` at `path` (relative to the root, `"Main/Spawner"`) with its
   * `spawnPath` and spawnable scenes, as in the Godot scene. Throws if one is declared there already.
   */
  spawner<const S extends readonly ReplicatedScene[]>(
    path: string,
    spec: MultiplayerSpawnerSpec<S>,
  ): MultiplayerSpawner<S[number] extends ReplicatedScene<infer V> ? V : Record<string, unknown>> {
    const key = this.#key(path);
    if (this.#s.spawners.has(key)) throw new Error(msg`a spawner is declared at ${key} already`);
    const spawner = new MultiplayerSpawner(this.#spawnerHost, key, resolveNodePath(key, spec.spawnPath), spec);
    this.#s.spawners.set(key, spawner as MultiplayerSpawner);
    return spawner as never;
  }

  /** The spawner declared at `path`, or `undefined`. */
  getSpawner(path: string): MultiplayerSpawner | undefined {
    return this.#s.spawners.get(this.#key(path));
  }

  /**
   * Declares a static `MultiplayerSynchronizer` (one in the main scene, not spawned) at `path`; `root`
   * (default `".."`, Godot's `root_path`) names the node it replicates. It travels by path: SYNCs start
   * once a peer confirmed the path. Returns it; its `node` holds the values.
   */
  synchronizer<const P extends ReplicatedPropertySpecs>(
    path: string,
    spec: SynchronizerSpec<P> & { root?: string },
  ): MultiplayerSynchronizer {
    const key = this.#key(path);
    if (this.#s.syncsByPath.has(key)) throw new Error(msg`a synchronizer is declared at ${key} already`);
    const rootPath = resolveNodePath(key, spec.root ?? '..');
    const config = new SceneReplicationConfig(spec.properties);
    const types = new Map(config.names.map((name, i) => [name, config.types[i]]));
    const defaults = new Map(config.names.map((name, i) => [name, config.defaults[i]]));
    const codec = this.#s.codec;
    const values = defaultValues(types, defaults, undefined, rootPath, codec);
    const node = newNode(rootPath.split('/').pop() ?? '', rootPath, null, null, -1, undefined, 0, types, values, codec);
    this.#s.registerNode(node, values, 0);
    const sync = this.#s.makeSync(this.#syncHost, node, { path: key, config, spec }, key, authorityOf(spec, node));
    this.#startSync(sync);
    return sync;
  }

  /** The node at `path` (spawned, received or the root of a static synchronizer), or `undefined`. */
  getNode(path: string): ReplicatedNode | undefined {
    return this.#s.nodesByPath.get(this.#key(path));
  }

  /** Every replicated node here. */
  getNodes(): ReplicatedNode[] {
    return [...this.#s.nodesByPath.values()];
  }

  /**
   * One network tick (what Godot does at the end of each `SceneMultiplayer.poll`): re-evaluates
   * visibility filters, then sends each peer one SYNC with every due synchronizer it sees (ALWAYS
   * properties, unreliable, stamped with that peer's u16 clock) and one reliable delta with the
   * ON_CHANGE properties that changed since its last one. Call it at your tick rate (30 Hz, 60 Hz...).
   * `usec` (default: now, in µs) is the tick's time; each call gets a later one than the last.
   */
  process(usec = nowUsec()): void {
    if (this.#link.ownId() === 0) return;
    // Godot tells frames apart by their time: each tick gets a later one, even where the clock is
    // coarser than the tick rate (browsers clamp performance.now() to 100 µs or more).
    this.#lastUsec = usec = Math.max(usec, this.#lastUsec + 1);
    for (const sync of this.#s.syncNodes) {
      if (sync.visibilityUpdateMode !== 'none' && sync.hasVisibilityFilters()) sync.updateVisibility(PUBLIC);
    }
    this.#sender.process(usec);
  }

  /** Counters for operators and benchmarks. */
  stats(): ReplicationStats {
    let received = 0;
    for (const info of this.#s.peers.values()) received += info.recvNodes.size;
    return { spawned: this.#s.spawned.size, received, synchronizers: this.#s.syncNodes.size, ...this.#s.counts };
  }

  // --- local spawns ------------------------------------------------------------------------------------

  #spawnLocal(
    spawner: MultiplayerSpawner,
    scene: ReplicatedScene,
    index: number,
    data: Variant4 | undefined,
    name: string,
    init: SpawnInit<object>,
  ): ReplicatedNode | null {
    if (!spawner.isMultiplayerAuthority()) return null;
    if (spawner.spawnLimit > 0 && spawner.nodeCount >= spawner.spawnLimit) return null;
    if (!isValidNodeName(name)) {
      throw new Error(
        msg`spawner ${spawner.path}: invalid node name ${quote(name)} (empty, or has one of . : @ / " %)`,
      );
    }
    const path = `${spawner.spawnNodePath}/${name}`;
    if (this.#s.nodesByPath.has(path)) throw new Error(msg`spawner ${spawner.path}: a node ${path} exists already`);
    const codec = this.#s.codec;
    const given = init.values as Record<string, unknown> | undefined;
    const values = defaultValues(scene.types, scene.defaults, given, path, codec);
    const node = newNode(name, path, spawner, scene, index, data, 0, scene.types, values, codec);
    const owners = scene.synchronizers.map((s) => authorityOf(s.spec, node));
    this.#s.registerNode(node, values, 0);
    const syncs = scene.synchronizers.map((s, i) =>
      this.#s.makeSync(this.#syncHost, node, s, `${path}/${s.path}`, owners[i] as number),
    );
    spawner.track(node);
    // As in Godot: synchronizers start on entering the tree, the scene's _ready runs, then the spawn goes out.
    for (const sync of syncs) this.#startSync(sync);
    if (init.ready !== undefined) {
      try {
        init.ready(node);
      } catch (error) {
        reportHandlerError(error, `ready of ${path}`);
      }
    }
    this.#s.spawned.add(node);
    this.#sender.updateSpawnVisibility(PUBLIC, node);
    return node;
  }

  #despawnLocal(spawner: MultiplayerSpawner, node: ReplicatedNode): boolean {
    if (node.spawner !== spawner || !this.#s.spawned.has(node)) return false;
    this.#sender.despawn(node);
    this.#s.removeNode(node);
    return true;
  }

  // --- synchronizers -----------------------------------------------------------------------------------

  /** Godot's `on_replication_start`: runs it and applies its visibility. */
  #startSync(sync: MultiplayerSynchronizer): void {
    this.#s.syncNodes.add(sync);
    this.#sender.updateSyncVisibility(PUBLIC, sync);
  }

  #restartSync(sync: MultiplayerSynchronizer): void {
    if (!this.#s.syncNodes.has(sync)) return;
    this.#s.stopSync(sync);
    this.#startSync(sync);
  }

  // --- peers -------------------------------------------------------------------------------------------

  /** Godot's `on_peer_change`: a newcomer gets every node and synchronizer it can see; a leaver's nodes go. */
  #onPeerChange(id: number, connected: boolean): void {
    if (connected) {
      if (this.#s.peers.has(id)) return;
      this.#s.peers.set(id, new ReplicationPeer());
      for (const node of [...this.#s.spawned]) this.#sender.updateSpawnVisibility(id, node);
      for (const sync of this.#s.syncNodes) this.#sender.updateSyncVisibility(id, sync);
      return;
    }
    const info = this.#s.peers.get(id);
    if (info === undefined) return;
    this.#freeRemotes(info);
    this.#s.peers.delete(id);
  }

  /** Godot's `on_reset`: every peer's nodes go; our ids restart. */
  #onReset(): void {
    for (const info of this.#s.peers.values()) this.#freeRemotes(info);
    this.#s.peers.clear();
    for (const tracked of this.#s.tracked.values()) tracked.netId = 0;
    for (const state of this.#s.states.values()) state.reset();
    this.#s.lastNetId = 0;
  }

  #freeRemotes(info: ReplicationPeer): void {
    for (const node of [...info.recvNodes.values()]) {
      this.#s.removeNode(node);
      node.spawner?.emit('despawned', node as never);
    }
  }

  /** Godot's `is_rpc_visible`: RPCs on a replicated node go where it is visible (always to its spawner). */
  #isRpcVisible(path: string, peer: number): boolean {
    const node = this.#s.nodesByPath.get(path);
    if (node === undefined || node.synchronizers.length === 0) return true;
    if (node.remotePeer !== 0 && peer === node.remotePeer) return true;
    if (this.#s.spawned.has(node)) return this.#s.peers.get(peer)?.spawnNodes.has(node) === true;
    return node.synchronizers.some((sync) => sync.isVisibleTo(peer));
  }

  #key(path: string): string {
    return resolveNodePath('', path, this.#scene.rootPath);
  }
}

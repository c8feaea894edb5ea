import { reportHandlerError } from '@wspeer/core';
import { ByteWriter, DECODE_FAILED, DEFAULT_MAX_DEPTH, type Variant4, VariantError } from '@wspeer/variant';
import { readCompressed, writeCompressed } from './compressed-variant.js';
import {
  CUSTOM_SPAWN,
  MultiplayerSpawner,
  type MultiplayerSpawnerSpec,
  type SpawnerHost,
  type SpawnInit,
} from './multiplayer-spawner.js';
import { MultiplayerSynchronizer, type SynchronizerHost } from './multiplayer-synchronizer.js';
import { quote } from './quote.js';
import { ReplicatedNode } from './replicated-node.js';
import type { ReplicatedScene, SceneSynchronizer, SynchronizerSpec } from './replicated-scene.js';
import { readerOf, readReplicatedValues, writeReplicatedValues } from './replicated-value.js';
import {
  DEFAULT_DELTA_MTU,
  DEFAULT_SYNC_MTU,
  DELTA_ENTRY_HEADER,
  despawnPacket,
  isValidNodeName,
  NO_RPC_MD5,
  PATH_SYNC_ID,
  SPAWN_HEADER_SIZE,
  SYNC_DELTA_FLAG,
  SYNC_ENTRY_HEADER,
  SYNC_HEADER_SIZE,
  SYNC_MIN_SIZE,
  writeSpawnHead,
} from './replication-packets.js';
import { ReplicationPeer } from './replication-peer.js';
import { resolveNodePath } from './resolve-node-path.js';
import { fitsSceneArgType, type SceneArgType, zeroSceneArg } from './scene-arg-type.js';
import { SceneCommand } from './scene-command.js';
import type { SceneMultiplayer } from './scene-multiplayer.js';
import { readCString, readU32 } from './scene-packets.js';
import { type ReplicatedPropertySpecs, SceneReplicationConfig } from './scene-replication-config.js';
import type { SceneReplicationLink } from './scene-replicator.js';
import { SynchronizerState } from './synchronizer-state.js';

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

interface Tracked {
  /** The node's net id (0 until a SPAWN of ours needs one, or the sender's id for a received node). */
  netId: number;
  readonly values: Map<string, unknown>;
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
  readonly #spawners = new Map<string, MultiplayerSpawner>();
  readonly #nodesByPath = new Map<string, ReplicatedNode>();
  readonly #syncsByPath = new Map<string, MultiplayerSynchronizer>();
  readonly #tracked = new Map<ReplicatedNode, Tracked>();
  readonly #states = new Map<MultiplayerSynchronizer, SynchronizerState>();
  /** Nodes we spawned (Godot's `spawned_nodes`). */
  readonly #spawned = new Set<ReplicatedNode>();
  /** Running synchronizers (Godot's `sync_nodes`). */
  readonly #syncNodes = new Set<MultiplayerSynchronizer>();
  readonly #peers = new Map<number, ReplicationPeer>();
  readonly #syncHost: SynchronizerHost;
  readonly #spawnerHost: SpawnerHost;
  #lastNetId = 0;
  readonly #counts = {
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

  /** Replication for `scene` (one per SceneMultiplayer). */
  constructor(scene: SceneMultiplayer, options: SceneReplicationOptions = {}) {
    this.maxSpawnedPerPeer = options.maxSpawnedPerPeer ?? 4096;
    this.maxSyncPacketSize = options.maxSyncPacketSize ?? DEFAULT_SYNC_MTU;
    this.maxDeltaPacketSize = options.maxDeltaPacketSize ?? DEFAULT_DELTA_MTU;
    this.maxNameBytes = options.maxNameBytes ?? 255;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.#scene = scene;
    const ownId = (): number => this.#link.ownId();
    this.#syncHost = {
      ownId,
      visibilityChanged: (sync, peer) => this.#visibilityChanged(sync, peer),
      authorityChanged: (sync) => this.#restartSync(sync),
    };
    this.#spawnerHost = {
      ownId,
      spawnNode: (spawner, sceneSpec, index, data, name, init) =>
        this.#spawnLocal(spawner, sceneSpec, index, data, name, init),
      despawnNode: (spawner, node) => this.#despawnLocal(spawner, node),
    };
    this.#link = scene.attachReplicator({
      onPeerChange: (id, connected) => this.#onPeerChange(id, connected),
      onReset: () => this.#onReset(),
      onPacket: (from, packet) => this.#onPacket(from, packet),
      pathChecksum: (path) => (this.#spawners.has(path) || this.#syncsByPath.has(path) ? NO_RPC_MD5 : undefined),
    });
    for (const id of this.#link.peers()) this.#onPeerChange(id, true);
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
    if (this.#spawners.has(key)) throw new Error(`a spawner is declared at ${key} already`);
    const spawner = new MultiplayerSpawner(this.#spawnerHost, key, resolveNodePath(key, spec.spawnPath), spec);
    this.#spawners.set(key, spawner as MultiplayerSpawner);
    return spawner as never;
  }

  /** The spawner declared at `path`, or `undefined`. */
  getSpawner(path: string): MultiplayerSpawner | undefined {
    return this.#spawners.get(this.#key(path));
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
    if (this.#syncsByPath.has(key)) throw new Error(`a synchronizer is declared at ${key} already`);
    const rootPath = resolveNodePath(key, spec.root ?? '..');
    const config = new SceneReplicationConfig(spec.properties);
    const types = new Map(config.names.map((name, i) => [name, config.types[i]]));
    const defaults = new Map(config.names.map((name, i) => [name, config.defaults[i]]));
    const values = defaultValues(types, defaults, undefined, rootPath);
    const node = newNode(rootPath.split('/').pop() ?? '', rootPath, null, null, -1, undefined, 0, types, values);
    this.#registerNode(node, values, 0);
    const sync = this.#makeSync(node, { path: key, config, spec }, key, authorityOf(spec, node));
    this.#startSync(sync);
    return sync;
  }

  /** The node at `path` (spawned, received or the root of a static synchronizer), or `undefined`. */
  getNode(path: string): ReplicatedNode | undefined {
    return this.#nodesByPath.get(this.#key(path));
  }

  /** Every replicated node here. */
  getNodes(): ReplicatedNode[] {
    return [...this.#nodesByPath.values()];
  }

  /**
   * One network tick (what Godot does at the end of each `SceneMultiplayer.poll`): re-evaluates
   * visibility filters, then sends each peer one SYNC with every due synchronizer it sees (ALWAYS
   * properties, unreliable, stamped with that peer's u16 clock) and one reliable delta with the
   * ON_CHANGE properties that changed since its last one. Call it at your tick rate (30 Hz, 60 Hz...).
   */
  process(usec = nowUsec()): void {
    if (this.#link.ownId() === 0) return;
    for (const sync of this.#syncNodes) {
      if (sync.visibilityUpdateMode !== 'none' && sync.hasVisibilityFilters()) sync.updateVisibility(PUBLIC);
    }
    for (const [peer, info] of this.#peers) {
      if (info.syncNodes.size === 0) continue;
      info.lastSentSync = (info.lastSentSync + 1) & 0xffff;
      this.#sendSync(peer, info, usec);
      this.#sendDelta(peer, info, usec);
    }
  }

  /** Counters for operators and benchmarks. */
  stats(): ReplicationStats {
    let received = 0;
    for (const info of this.#peers.values()) received += info.recvNodes.size;
    return { spawned: this.#spawned.size, received, synchronizers: this.#syncNodes.size, ...this.#counts };
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
      throw new Error(`spawner ${spawner.path}: invalid node name ${quote(name)} (empty, or has one of . : @ / " %)`);
    }
    const path = `${spawner.spawnNodePath}/${name}`;
    if (this.#nodesByPath.has(path)) throw new Error(`spawner ${spawner.path}: a node ${path} exists already`);
    const values = defaultValues(scene.types, scene.defaults, init.values as Record<string, unknown> | undefined, path);
    const node = newNode(name, path, spawner, scene, index, data, 0, scene.types, values);
    const owners = scene.synchronizers.map((s) => authorityOf(s.spec, node));
    this.#registerNode(node, values, 0);
    const syncs = scene.synchronizers.map((s, i) => this.#makeSync(node, s, `${path}/${s.path}`, owners[i] as number));
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
    this.#spawned.add(node);
    this.#updateSpawnVisibility(PUBLIC, node);
    return node;
  }

  #despawnLocal(spawner: MultiplayerSpawner, node: ReplicatedNode): boolean {
    if (node.spawner !== spawner || !this.#spawned.has(node)) return false;
    const tracked = this.#tracked.get(node) as Tracked;
    let packet: Uint8Array | null = null;
    for (const [peer, info] of this.#peers) {
      if (!info.spawnNodes.has(node)) continue;
      packet ??= despawnPacket(tracked.netId);
      this.#send(peer, packet, true);
      this.#counts.despawnsSent++;
    }
    this.#removeNode(node);
    return true;
  }

  // --- node and synchronizer bookkeeping --------------------------------------------------------------

  #registerNode(node: ReplicatedNode, values: Map<string, unknown>, netId: number): void {
    this.#tracked.set(node, { netId, values });
    this.#nodesByPath.set(node.path, node);
  }

  #makeSync(node: ReplicatedNode, scene: SceneSynchronizer, path: string, authority: number): MultiplayerSynchronizer {
    const spec = scene.spec;
    const sync = new MultiplayerSynchronizer(this.#syncHost, {
      path,
      node,
      config: scene.config,
      authority,
      replicationInterval: spec.replicationInterval ?? 0,
      deltaInterval: spec.deltaInterval ?? 0,
      publicVisibility: spec.publicVisibility ?? true,
    });
    (node.synchronizers as MultiplayerSynchronizer[]).push(sync);
    this.#states.set(sync, new SynchronizerState((this.#tracked.get(node) as Tracked).values));
    this.#syncsByPath.set(path, sync);
    return sync;
  }

  /** Godot's `on_replication_start`: runs it and applies its visibility. */
  #startSync(sync: MultiplayerSynchronizer): void {
    this.#syncNodes.add(sync);
    this.#updateSyncVisibility(PUBLIC, sync);
  }

  /** Godot's `on_replication_stop`. */
  #stopSync(sync: MultiplayerSynchronizer): void {
    this.#syncNodes.delete(sync);
    const state = this.#states.get(sync) as SynchronizerState;
    for (const info of this.#peers.values()) {
      info.dropSync(sync);
      if (state.netId !== 0 && info.recvSyncIds.get(state.netId) === sync) info.recvSyncIds.delete(state.netId);
    }
    state.reset();
  }

  #restartSync(sync: MultiplayerSynchronizer): void {
    if (!this.#syncNodes.has(sync)) return;
    this.#stopSync(sync);
    this.#startSync(sync);
  }

  /** Forgets a node everywhere (Godot's `_untrack` plus the synchronizers leaving the tree). */
  #removeNode(node: ReplicatedNode): void {
    for (const sync of node.synchronizers) {
      this.#stopSync(sync);
      this.#states.delete(sync);
      this.#syncsByPath.delete(sync.path);
    }
    const tracked = this.#tracked.get(node);
    this.#tracked.delete(node);
    this.#nodesByPath.delete(node.path);
    this.#spawned.delete(node);
    node.spawner?.untrack(node);
    for (const info of this.#peers.values()) {
      info.spawnNodes.delete(node);
      if (tracked !== undefined && info.recvNodes.get(tracked.netId) === node) info.recvNodes.delete(tracked.netId);
    }
  }

  // --- visibility --------------------------------------------------------------------------------------

  #visibilityChanged(sync: MultiplayerSynchronizer, peer: number): void {
    if (!this.#syncNodes.has(sync)) return;
    if (this.#spawned.has(sync.node) && peer !== this.#link.ownId()) this.#updateSpawnVisibility(peer, sync.node);
    this.#updateSyncVisibility(peer, sync);
  }

  /** Godot's `_update_sync_visibility`: which peers get this synchronizer's SYNCs. */
  #updateSyncVisibility(peer: number, sync: MultiplayerSynchronizer): void {
    if (!sync.isMultiplayerAuthority() || peer === this.#link.ownId()) return;
    const visible = sync.isVisibleTo(peer);
    if (peer === PUBLIC) {
      for (const [id, info] of this.#peers) {
        const toPeer = visible || sync.isVisibleTo(id);
        if (toPeer === info.syncNodes.has(sync)) continue;
        if (toPeer) info.syncNodes.add(sync);
        else info.dropSync(sync);
      }
      return;
    }
    const info = this.#peers.get(peer);
    if (info === undefined || visible === info.syncNodes.has(sync)) return;
    if (visible) info.syncNodes.add(sync);
    else info.dropSync(sync);
  }

  /** Godot's `_update_spawn_visibility`: SPAWN or DESPAWN our node where its visibility changed. */
  #updateSpawnVisibility(peer: number, node: ReplicatedNode): void {
    const spawner = node.spawner;
    if (spawner === null || !spawner.isMultiplayerAuthority()) return;
    let visible = true;
    for (const sync of node.synchronizers) {
      if (!sync.isMultiplayerAuthority()) continue;
      // A node is visible where any of its synchronizers is.
      if (sync.isVisibleTo(peer)) {
        visible = true;
        break;
      }
      visible = false;
    }
    const toSpawn: number[] = [];
    const toDespawn: number[] = [];
    if (peer !== PUBLIC) {
      const info = this.#peers.get(peer);
      if (info === undefined || visible === info.spawnNodes.has(node)) return;
      (visible ? toSpawn : toDespawn).push(peer);
    } else {
      for (const [id, info] of this.#peers) {
        if (!visible) this.#updateSpawnVisibility(id, node);
        else if (!info.spawnNodes.has(node)) toSpawn.push(id);
      }
    }
    if (toSpawn.length > 0) this.#sendSpawn(node, spawner, toSpawn);
    if (toDespawn.length > 0) {
      const packet = despawnPacket((this.#tracked.get(node) as Tracked).netId);
      for (const id of toDespawn) {
        (this.#peers.get(id) as ReplicationPeer).spawnNodes.delete(node);
        this.#send(id, packet, true);
        this.#counts.despawnsSent++;
      }
    }
  }

  // --- sending -----------------------------------------------------------------------------------------

  /** Godot's `_make_spawn_packet` and its sends: SIMPLIFY_PATH of the spawner first where needed. */
  #sendSpawn(node: ReplicatedNode, spawner: MultiplayerSpawner, peers: readonly number[]): void {
    const tracked = this.#tracked.get(node) as Tracked;
    if (tracked.netId === 0) tracked.netId = ++this.#lastNetId;
    const syncIds: number[] = [];
    const stateSyncs: MultiplayerSynchronizer[] = [];
    for (const sync of node.synchronizers) {
      if (!sync.isMultiplayerAuthority()) continue;
      const state = this.#states.get(sync) as SynchronizerState;
      if (state.netId === 0) state.netId = ++this.#lastNetId;
      syncIds.push(state.netId);
      stateSyncs.push(sync);
    }
    const w = new ByteWriter(64);
    try {
      writeSpawnHead(w, node.sceneIndex, this.#link.pathId(spawner.path), tracked.netId, syncIds, node.name);
      if (node.sceneIndex === CUSTOM_SPAWN) {
        const at = w.length;
        w.u32(0);
        writeCompressed(w, node.spawnData as Variant4);
        w.setU32(at, w.length - at - 4);
      }
      for (const sync of stateSyncs) {
        const config = sync.config;
        writeReplicatedValues(w, config.spawn, config.names, config.types, tracked.values);
      }
    } catch (error) {
      if (!(error instanceof VariantError)) throw error;
      reportHandlerError(error, `spawn state of ${node.path}`);
      return;
    }
    const packet = w.finish();
    for (const peer of peers) {
      const info = this.#peers.get(peer);
      if (info === undefined) continue;
      this.#link.sendObjectCache(spawner.path, NO_RPC_MD5, peer);
      this.#send(peer, packet, true);
      this.#counts.spawnsSent++;
      info.spawnNodes.add(node);
    }
  }

  /** Godot's `_verify_synchronizer`: the id to send `sync` by to `peer`, 0 while its path is unconfirmed. */
  #verify(peer: number, sync: MultiplayerSynchronizer, state: SynchronizerState): number {
    const id = state.netId;
    if (id !== 0 && (id & PATH_SYNC_ID) === 0) return id;
    const confirmed = this.#link.sendObjectCache(sync.path, NO_RPC_MD5, peer);
    if (id === 0) state.netId = (this.#link.pathId(sync.path) | PATH_SYNC_ID) >>> 0;
    return confirmed ? state.netId : 0;
  }

  /** Godot's `_send_sync`: the peer's due synchronizers in SYNCs of at most `maxSyncPacketSize` bytes. */
  #sendSync(peer: number, info: ReplicationPeer, usec: number): void {
    const mtu = this.maxSyncPacketSize;
    let w = this.#syncWriter(info.lastSentSync);
    for (const sync of info.syncNodes) {
      if (!sync.isMultiplayerAuthority()) continue;
      const state = this.#states.get(sync) as SynchronizerState;
      if (!state.updateOutboundSyncTime(usec, sync.replicationInterval)) continue;
      const netId = this.#verify(peer, sync, state);
      if (netId === 0) continue;
      const bytes = this.#encoded(() => state.syncBytes(sync, usec), sync);
      if (bytes === null || bytes.byteLength === 0) continue;
      if (bytes.byteLength > mtu) {
        this.#link.refuse(
          peer,
          'sync-size',
          `Node states bigger than MTU will not be sent (${bytes.byteLength} > ${mtu}): ${sync.path}`,
        );
        continue;
      }
      if (w.length + SYNC_ENTRY_HEADER + bytes.byteLength > mtu) {
        this.#flushSync(peer, w);
        w = this.#syncWriter(info.lastSentSync);
      }
      w.u32(netId);
      w.u32(bytes.byteLength);
      w.bytes(bytes);
    }
    if (w.length > SYNC_HEADER_SIZE) this.#flushSync(peer, w);
  }

  #syncWriter(time: number): ByteWriter {
    const w = new ByteWriter(128);
    w.u8(SceneCommand.SYNC);
    w.u8(time & 0xff);
    w.u8(time >>> 8);
    return w;
  }

  #flushSync(peer: number, w: ByteWriter): void {
    this.#send(peer, w.finish(), false);
    this.#counts.syncsSent++;
  }

  /** Godot's `_send_delta`: the ON_CHANGE values changed since the peer's last delta, reliable. */
  #sendDelta(peer: number, info: ReplicationPeer, usec: number): void {
    const mtu = this.maxDeltaPacketSize;
    let w: ByteWriter | null = null;
    for (const sync of info.syncNodes) {
      if (!sync.isMultiplayerAuthority() || sync.config.watch.length === 0) continue;
      const state = this.#states.get(sync) as SynchronizerState;
      const netId = this.#verify(peer, sync, state);
      if (netId === 0) continue;
      const delta = this.#encoded(() => state.deltaState(sync, usec, info.lastWatch.get(sync) ?? 0), sync);
      if (delta === null) continue;
      if (delta.size > mtu) {
        this.#link.refuse(
          peer,
          'sync-size',
          `Synchronizer delta bigger than MTU will not be sent (${delta.size} > ${mtu}): ${sync.path}`,
        );
        continue;
      }
      if (w !== null && w.length + DELTA_ENTRY_HEADER + delta.size > mtu) {
        this.#flushDelta(peer, w);
        w = null;
      }
      if (w === null) {
        w = new ByteWriter(64);
        w.u8(SceneCommand.SYNC | SYNC_DELTA_FLAG);
      }
      w.u32(netId);
      w.u32(delta.lo);
      w.u32(delta.hi);
      w.u32(delta.size);
      for (const part of delta.parts) w.bytes(part);
      info.lastWatch.set(sync, usec);
    }
    if (w !== null && w.length > 1) this.#flushDelta(peer, w);
  }

  #flushDelta(peer: number, w: ByteWriter): void {
    this.#send(peer, w.finish(), true);
    this.#counts.deltasSent++;
  }

  /** Runs an encoding step; a value with no Godot form is reported (once per call) and skipped. */
  #encoded<T>(encode: () => T, sync: MultiplayerSynchronizer): T | null {
    try {
      return encode();
    } catch (error) {
      if (!(error instanceof VariantError)) throw error;
      reportHandlerError(error, `state of ${sync.path}`);
      return null;
    }
  }

  #send(peer: number, packet: Uint8Array, reliable: boolean): void {
    this.#link.send(peer, packet, reliable);
    this.#counts.bytesSent += packet.byteLength;
  }

  // --- peers -------------------------------------------------------------------------------------------

  /** Godot's `on_peer_change`: a newcomer gets every node and synchronizer it can see; a leaver's nodes go. */
  #onPeerChange(id: number, connected: boolean): void {
    if (connected) {
      if (this.#peers.has(id)) return;
      this.#peers.set(id, new ReplicationPeer());
      for (const node of [...this.#spawned]) this.#updateSpawnVisibility(id, node);
      for (const sync of this.#syncNodes) this.#updateSyncVisibility(id, sync);
      return;
    }
    const info = this.#peers.get(id);
    if (info === undefined) return;
    this.#freeRemotes(info);
    this.#peers.delete(id);
  }

  /** Godot's `on_reset`: every peer's nodes go; our ids restart. */
  #onReset(): void {
    for (const info of this.#peers.values()) this.#freeRemotes(info);
    this.#peers.clear();
    for (const tracked of this.#tracked.values()) tracked.netId = 0;
    for (const state of this.#states.values()) state.reset();
    this.#lastNetId = 0;
  }

  #freeRemotes(info: ReplicationPeer): void {
    for (const node of [...info.recvNodes.values()]) {
      this.#removeNode(node);
      node.spawner?.emit('despawned', node as never);
    }
  }

  // --- receiving ---------------------------------------------------------------------------------------

  #onPacket(from: number, packet: Uint8Array): void {
    const command = (packet[0] as number) & 7;
    if (command === SceneCommand.SPAWN) this.#receiveSpawn(from, packet);
    else if (command === SceneCommand.DESPAWN) this.#receiveDespawn(from, packet);
    else if ((packet[0] as number) & SYNC_DELTA_FLAG) this.#receiveDelta(from, packet);
    else this.#receiveSync(from, packet);
  }

  /** Godot's `on_spawn_receive`, checked before anything is made: nothing half-spawned on bad input. */
  #receiveSpawn(from: number, packet: Uint8Array): undefined {
    const len = packet.byteLength;
    if (len < SPAWN_HEADER_SIZE) return this.#refuse(from, 'spawn', `SPAWN of ${len} bytes (at least 18).`);
    const sceneId = packet[1] as number;
    const spawnerId = readU32(packet, 2);
    const spawnerPath = this.#link.receivedPath(from, spawnerId);
    const spawner = spawnerPath === undefined ? undefined : this.#spawners.get(spawnerPath);
    if (spawner === undefined) {
      return this.#refuse(
        from,
        'spawn',
        `SPAWN for spawner cache id ${spawnerId}${spawnerPath === undefined ? ', which the peer never sent' : ` (${quote(spawnerPath)}), where no spawner is declared`}.`,
      );
    }
    if (from !== spawner.getMultiplayerAuthority()) {
      return this.#refuse(
        from,
        'authority',
        `SPAWN on ${spawner.path} from ${from}; its authority is ${spawner.getMultiplayerAuthority()}.`,
      );
    }
    const info = this.#peers.get(from);
    if (info === undefined) return this.#refuse(from, 'spawn', `SPAWN from ${from}, which replication does not know.`);
    const netId = readU32(packet, 6);
    const syncCount = readU32(packet, 10);
    const nameLen = readU32(packet, 14);
    let at = SPAWN_HEADER_SIZE;
    if (nameLen + syncCount * 4 > len - at)
      return this.#refuse(from, 'spawn', `SPAWN sizes past its end (${len} bytes).`);
    if (nameLen < 1 || nameLen > this.maxNameBytes + 1) {
      return this.#refuse(
        from,
        'spawn',
        `SPAWN name of ${nameLen} bytes (1 to ${this.maxNameBytes + 1} with its NUL).`,
      );
    }
    const syncIds: number[] = [];
    for (let i = 0; i < syncCount; i++, at += 4) syncIds.push(readU32(packet, at));
    const name = readCString(packet, at, at + nameLen);
    at += nameLen;
    if (name === null || !isValidNodeName(name)) {
      return this.#refuse(from, 'spawn', `SPAWN with an invalid node name ${quote(name ?? '(bad UTF-8)')}.`);
    }
    const path = `${spawner.spawnNodePath}/${name}`;
    if (this.#nodesByPath.has(path))
      return this.#refuse(from, 'spawn', `SPAWN of ${quote(path)}, which exists already.`);
    if (info.recvNodes.has(netId))
      return this.#refuse(from, 'spawn', `SPAWN with net id ${netId}, which peer ${from} used already.`);
    if (info.recvNodes.size >= this.maxSpawnedPerPeer) {
      return this.#refuse(
        from,
        'limit',
        `Peer ${from} has ${info.recvNodes.size} nodes spawned here already (maxSpawnedPerPeer).`,
      );
    }
    if (spawner.spawnLimit > 0 && spawner.nodeCount >= spawner.spawnLimit) {
      return this.#refuse(from, 'limit', `Spawn limit of ${spawner.path} reached (${spawner.spawnLimit}).`);
    }
    let data: Variant4 | undefined;
    let scene: ReplicatedScene | undefined;
    if (sceneId === CUSTOM_SPAWN) {
      if (len - at < 4) return this.#refuse(from, 'spawn', 'Custom SPAWN without its argument size.');
      const argSize = readU32(packet, at);
      at += 4;
      if (argSize > len - at) return this.#refuse(from, 'spawn', 'Custom SPAWN argument past the end.');
      const value = readCompressed(readerOf(packet, at, at + argSize), this.maxDepth);
      if (value === DECODE_FAILED) return this.#refuse(from, 'spawn', 'Custom SPAWN argument does not decode.');
      at += argSize;
      data = value;
      scene = this.#customScene(spawner, value) ?? undefined;
      if (scene === undefined)
        return this.#refuse(from, 'spawn', `Custom SPAWN on ${spawner.path}: its spawnFunction made no scene.`);
    } else {
      scene = spawner.scenes[sceneId];
      if (scene === undefined) {
        return this.#refuse(
          from,
          'spawn',
          `SPAWN of scene ${sceneId} on ${spawner.path}, which has ${spawner.scenes.length}.`,
        );
      }
    }
    this.#applySpawn(from, info, packet, at, { spawner, scene, sceneId, data, name, path, netId, syncIds });
  }

  #customScene(spawner: MultiplayerSpawner, data: Variant4): ReplicatedScene | null {
    try {
      return spawner.spawnFunction?.(data) ?? null;
    } catch (error) {
      reportHandlerError(error, `spawnFunction of ${spawner.path}`);
      return null;
    }
  }

  /** Makes the node of a checked SPAWN: synchronizer ids and spawn state in tree order, then registers it. */
  #applySpawn(
    from: number,
    info: ReplicationPeer,
    packet: Uint8Array,
    at: number,
    s: {
      spawner: MultiplayerSpawner;
      scene: ReplicatedScene;
      sceneId: number;
      data: Variant4 | undefined;
      name: string;
      path: string;
      netId: number;
      syncIds: number[];
    },
  ): undefined {
    const values = defaultValues(s.scene.types, s.scene.defaults, undefined, s.path);
    const node = newNode(s.name, s.path, s.spawner, s.scene, s.sceneId, s.data, from, s.scene.types, values);
    const staged = new Map<string, unknown>();
    const reader = readerOf(packet, at, packet.byteLength);
    // Synchronizers whose authority (as the scene declares it) is the sender take an id and spawn state, in tree order.
    const owners: number[] = [];
    let taken = 0;
    for (const template of s.scene.synchronizers) {
      let authority: number;
      try {
        authority = authorityOf(template.spec, node);
      } catch (error) {
        reportHandlerError(error, `authority of ${s.path}/${template.path}`);
        return this.#refuse(
          from,
          'spawn',
          `SPAWN of ${quote(s.path)}: the authority function of ${template.path} threw.`,
        );
      }
      owners.push(authority);
      if (authority !== from) continue;
      const id = s.syncIds[taken++];
      if (id === undefined) {
        return this.#refuse(
          from,
          'spawn',
          `SPAWN of ${quote(s.path)}: no net id for its synchronizer ${template.path}.`,
        );
      }
      if (info.recvSyncIds.has(id) || s.syncIds.indexOf(id) !== taken - 1) {
        return this.#refuse(from, 'spawn', `SPAWN of ${quote(s.path)}: synchronizer net id ${id} is taken.`);
      }
      const config = template.config;
      const why = readReplicatedValues(reader, config.spawn, config.names, config.types, this.maxDepth, staged);
      if (why !== '') return this.#refuse(from, 'spawn', `SPAWN of ${quote(s.path)}: spawn state: ${why}.`);
    }
    if (taken !== s.syncIds.length) {
      return this.#refuse(
        from,
        'spawn',
        `SPAWN of ${quote(s.path)}: ${s.syncIds.length} synchronizer ids for ${taken} synchronizers of the sender.`,
      );
    }
    if (reader.remaining > 0) {
      return this.#refuse(
        from,
        'spawn',
        `SPAWN of ${quote(s.path)}: ${reader.remaining} bytes past the spawn state its config describes.`,
      );
    }
    for (const [key, value] of staged) values.set(key, value);
    this.#registerNode(node, values, s.netId);
    let next = 0;
    const syncs = s.scene.synchronizers.map((template, i) => {
      const owner = owners[i] as number;
      const sync = this.#makeSync(node, template, `${s.path}/${template.path}`, owner);
      if (owner === from) {
        const id = s.syncIds[next++] as number;
        (this.#states.get(sync) as SynchronizerState).netId = id;
        info.recvSyncIds.set(id, sync);
      }
      return sync;
    });
    info.recvNodes.set(s.netId, node);
    s.spawner.track(node);
    for (const sync of syncs) this.#startSync(sync);
    s.spawner.emit('spawned', node as never);
  }

  /** Godot's `on_despawn_receive`. */
  #receiveDespawn(from: number, packet: Uint8Array): undefined {
    if (packet.byteLength < 5)
      return this.#refuse(from, 'despawn', `DESPAWN of ${packet.byteLength} bytes (at least 5).`);
    const netId = readU32(packet, 1);
    const node = this.#peers.get(from)?.recvNodes.get(netId);
    if (node === undefined)
      return this.#refuse(from, 'despawn', `DESPAWN of net id ${netId}, which peer ${from} did not spawn here.`);
    const spawner = node.spawner as MultiplayerSpawner;
    if (from !== spawner.getMultiplayerAuthority()) {
      return this.#refuse(
        from,
        'authority',
        `DESPAWN on ${spawner.path} from ${from}; its authority is ${spawner.getMultiplayerAuthority()}.`,
      );
    }
    this.#removeNode(node);
    spawner.emit('despawned', node as never);
  }

  /** The synchronizer `from` means by `netId`: a SPAWN's id, or `0x80000000 | its path-cache id`. */
  #findSync(from: number, netId: number): MultiplayerSynchronizer | undefined {
    if (netId & PATH_SYNC_ID) {
      const path = this.#link.receivedPath(from, netId & ~PATH_SYNC_ID);
      return path === undefined ? undefined : this.#syncsByPath.get(path);
    }
    return this.#peers.get(from)?.recvSyncIds.get(netId);
  }

  /** Godot's `on_sync_receive`: entries applied when newer than the last; an entry past the end drops the rest. */
  #receiveSync(from: number, packet: Uint8Array): undefined {
    const len = packet.byteLength;
    if (len < SYNC_MIN_SIZE) return this.#refuse(from, 'sync', `SYNC of ${len} bytes (at least 11).`);
    const time = (packet[1] as number) | ((packet[2] as number) << 8);
    let at = SYNC_HEADER_SIZE;
    while (at + SYNC_ENTRY_HEADER < len) {
      const netId = readU32(packet, at);
      const size = readU32(packet, at + 4);
      at += SYNC_ENTRY_HEADER;
      if (size > len - at) return this.#refuse(from, 'sync', `SYNC entry of ${size} bytes past the end.`);
      const end = at + size;
      const sync = this.#findSync(from, netId);
      if (sync === undefined) this.#counts.unknown++;
      else if (this.#authorized(from, sync)) {
        const state = this.#states.get(sync) as SynchronizerState;
        if (!state.updateInboundSyncTime(time)) this.#counts.stale++;
        else if (this.#apply(from, sync, sync.config.sync, packet, at, end, 'SYNC')) {
          this.#counts.syncsApplied++;
          sync.emit('synchronized');
        }
      }
      at = end;
    }
  }

  /** Godot's `on_delta_receive`: always applied; a bad entry drops the rest. */
  #receiveDelta(from: number, packet: Uint8Array): undefined {
    const len = packet.byteLength;
    if (len < SYNC_MIN_SIZE) return this.#refuse(from, 'sync', `Delta SYNC of ${len} bytes (at least 11).`);
    let at = 1;
    while (at + DELTA_ENTRY_HEADER < len) {
      const netId = readU32(packet, at);
      const lo = readU32(packet, at + 4);
      const hi = readU32(packet, at + 8);
      const size = readU32(packet, at + 12);
      at += DELTA_ENTRY_HEADER;
      if (size > len - at) return this.#refuse(from, 'sync', `Delta entry of ${size} bytes past the end.`);
      const end = at + size;
      const sync = this.#findSync(from, netId);
      if (sync === undefined) this.#counts.unknown++;
      else if (this.#authorized(from, sync)) {
        const watch = sync.config.watch;
        const indexes = watch.filter((_, bit) => (bit < 32 ? (lo >>> bit) & 1 : (hi >>> (bit - 32)) & 1) === 1);
        if (indexes.length === 0)
          return this.#refuse(from, 'sync', `Delta for ${sync.path} with no known property bit set.`);
        if (!this.#apply(from, sync, indexes, packet, at, end, 'Delta')) return;
        this.#counts.deltasApplied++;
        sync.emit('delta_synchronized');
      }
      at = end;
    }
  }

  #authorized(from: number, sync: MultiplayerSynchronizer): boolean {
    if (sync.getMultiplayerAuthority() === from) return true;
    this.#refuse(
      from,
      'authority',
      `Sync data for ${sync.path} from ${from}; its authority is ${sync.getMultiplayerAuthority()}.`,
    );
    return false;
  }

  /** Decodes exactly `[at, end)` into the properties at `indexes` and applies them (all or nothing). */
  #apply(
    from: number,
    sync: MultiplayerSynchronizer,
    indexes: readonly number[],
    packet: Uint8Array,
    at: number,
    end: number,
    what: string,
  ): boolean {
    const config = sync.config;
    const staged = new Map<string, unknown>();
    const reader = readerOf(packet, at, end);
    let why = readReplicatedValues(reader, indexes, config.names, config.types, this.maxDepth, staged);
    if (why === '' && reader.remaining > 0) why = `${reader.remaining} bytes past the values its config describes`;
    if (why !== '') {
      this.#refuse(from, 'sync', `${what} for ${sync.path}: ${why}.`);
      return false;
    }
    const values = (this.#tracked.get(sync.node) as Tracked).values;
    for (const [key, value] of staged) values.set(key, value);
    return true;
  }

  #refuse(from: number, kind: string, reason: string): undefined {
    this.#link.refuse(from, kind, reason);
    return undefined;
  }

  #key(path: string): string {
    return resolveNodePath('', path, this.#scene.rootPath);
  }
}

function authorityOf(spec: SynchronizerSpec, node: ReplicatedNode): number {
  if (typeof spec.authority === 'number') return spec.authority;
  if (typeof spec.authority === 'function') return spec.authority(node);
  return 1;
}

/** The starting values of a node: given ones, else declared defaults, else zero values; types checked. */
function defaultValues(
  types: ReadonlyMap<string, SceneArgType | undefined>,
  defaults: ReadonlyMap<string, unknown>,
  given: Record<string, unknown> | undefined,
  path: string,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const [name, type] of types) {
    let value: unknown;
    if (given !== undefined && name in given) value = given[name];
    else {
      const declared = defaults.get(name);
      value = declared !== undefined ? declared : zeroSceneArg(type);
    }
    if (type !== undefined && !fitsSceneArgType(value, type)) {
      throw new TypeError(`${path}: property '${name}' is declared ${type}; its value does not fit`);
    }
    values.set(name, value);
  }
  if (given !== undefined) {
    for (const name of Object.keys(given)) {
      if (!types.has(name)) throw new Error(`${path}: no synchronizer declares a property '${name}'`);
    }
  }
  return values;
}

function newNode(
  name: string,
  path: string,
  spawner: MultiplayerSpawner | null,
  scene: ReplicatedScene | null,
  sceneIndex: number,
  spawnData: Variant4 | undefined,
  remotePeer: number,
  types: ReadonlyMap<string, SceneArgType | undefined>,
  values: Map<string, unknown>,
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
    synchronizers: [],
  });
}

import { msg, reportHandlerError } from '@wspeer/core';
import { ByteWriter, VariantError } from '@wspeer/variant';
import { writeCompressed } from './compressed-variant.js';
import { CUSTOM_SPAWN, type MultiplayerSpawner } from './multiplayer-spawner.js';
import type { MultiplayerSynchronizer } from './multiplayer-synchronizer.js';
import type { ReplicatedNode } from './replicated-node.js';
import { writeReplicatedValues } from './replicated-value.js';
import {
  DELTA_ENTRY_HEADER,
  despawnPacket,
  NO_RPC_MD5,
  PATH_SYNC_ID,
  SYNC_DELTA_FLAG,
  SYNC_ENTRY_HEADER,
  SYNC_HEADER_SIZE,
  writeSpawnHead,
} from './replication-packets.js';
import type { ReplicationPeer } from './replication-peer.js';
import type { ReplicationLimits, ReplicationState } from './replication-state.js';
import { SceneCommand } from './scene-command.js';
import type { SceneReplicationLink } from './scene-replicator.js';
import type { DeltaState, SynchronizerState } from './synchronizer-state.js';

/** Peer 0: "every peer" in visibility calls. */
const PUBLIC = 0;

/**
 * The authority's side of replication: visibility (who gets which spawns and syncs), SPAWN and
 * DESPAWN, and each tick's SYNC and delta packets per peer (Godot's `_update_*_visibility`,
 * `_make_spawn_packet`, `_send_sync`, `_send_delta`). Each synchronizer's state is encoded once per
 * tick and copied into every peer's packet.
 */
export class ReplicationSender {
  readonly #s: ReplicationState;
  readonly #link: SceneReplicationLink;
  readonly #limits: ReplicationLimits;

  /** The sender over `state`, sending through `link`. */
  constructor(state: ReplicationState, link: SceneReplicationLink, limits: ReplicationLimits) {
    this.#s = state;
    this.#link = link;
    this.#limits = limits;
  }

  /** One tick: each peer that sees synchronizers gets its SYNC (on its u16 clock) and its delta. */
  process(usec: number): void {
    // Our id once per tick, not twice per synchronizer per peer (isMultiplayerAuthority asks the peer).
    const own = this.#link.ownId();
    for (const [peer, info] of this.#s.peers) {
      if (info.syncNodes.size === 0) continue;
      info.lastSentSync = (info.lastSentSync + 1) & 0xffff;
      this.#sendSync(peer, info, usec, own);
      this.#sendDelta(peer, info, usec, own);
    }
  }

  /** DESPAWN of our `node` to every peer that has it. */
  despawn(node: ReplicatedNode): void {
    let packet: Uint8Array | null = null;
    for (const [peer, info] of this.#s.peers) {
      if (!info.spawnNodes.has(node)) continue;
      packet ??= despawnPacket(this.#s.track(node).netId);
      this.send(peer, packet, true);
      this.#s.counts.despawnsSent++;
    }
  }

  // --- visibility --------------------------------------------------------------------------------------

  /** A synchronizer's visibility for `peer` (0: all) changed: re-apply spawns and syncs. */
  visibilityChanged(sync: MultiplayerSynchronizer, peer: number): void {
    if (!this.#s.syncNodes.has(sync)) return;
    if (this.#s.spawned.has(sync.node) && peer !== this.#link.ownId()) this.updateSpawnVisibility(peer, sync.node);
    this.updateSyncVisibility(peer, sync);
  }

  /** Godot's `_update_sync_visibility`: which peers get this synchronizer's SYNCs. */
  updateSyncVisibility(peer: number, sync: MultiplayerSynchronizer): void {
    if (!sync.isMultiplayerAuthority() || peer === this.#link.ownId()) return;
    const visible = sync.isVisibleTo(peer);
    if (peer === PUBLIC) {
      for (const [id, info] of this.#s.peers) {
        const toPeer = visible || sync.isVisibleTo(id);
        if (toPeer === info.syncNodes.has(sync)) continue;
        if (toPeer) info.syncNodes.add(sync);
        else info.dropSync(sync);
      }
      return;
    }
    const info = this.#s.peers.get(peer);
    if (info === undefined || visible === info.syncNodes.has(sync)) return;
    if (visible) info.syncNodes.add(sync);
    else info.dropSync(sync);
  }

  /** Godot's `_update_spawn_visibility`: SPAWN or DESPAWN our node where its visibility changed. */
  updateSpawnVisibility(peer: number, node: ReplicatedNode): void {
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
      const info = this.#s.peers.get(peer);
      if (info === undefined || visible === info.spawnNodes.has(node)) return;
      (visible ? toSpawn : toDespawn).push(peer);
    } else {
      for (const [id, info] of this.#s.peers) {
        if (!visible) this.updateSpawnVisibility(id, node);
        else if (!info.spawnNodes.has(node)) toSpawn.push(id);
      }
    }
    if (toSpawn.length > 0) this.#sendSpawn(node, spawner, toSpawn);
    if (toDespawn.length > 0) {
      const packet = despawnPacket(this.#s.track(node).netId);
      for (const id of toDespawn) {
        (this.#s.peers.get(id) as ReplicationPeer).spawnNodes.delete(node);
        this.send(id, packet, true);
        this.#s.counts.despawnsSent++;
      }
    }
  }

  /** Godot's `_make_spawn_packet` and its sends: SIMPLIFY_PATH of the spawner first where needed. */
  #sendSpawn(node: ReplicatedNode, spawner: MultiplayerSpawner, peers: readonly number[]): void {
    const tracked = this.#s.track(node);
    if (tracked.netId === 0) tracked.netId = ++this.#s.lastNetId;
    const syncIds: number[] = [];
    const stateSyncs: MultiplayerSynchronizer[] = [];
    for (const sync of node.synchronizers) {
      if (!sync.isMultiplayerAuthority()) continue;
      const state = this.#s.state(sync);
      if (state.netId === 0) state.netId = ++this.#s.lastNetId;
      syncIds.push(state.netId);
      stateSyncs.push(sync);
    }
    const w = new ByteWriter(64);
    try {
      writeSpawnHead(w, node.sceneIndex, this.#link.paths.sent(spawner.path).id, tracked.netId, syncIds, node.name);
      if (node.sceneIndex === CUSTOM_SPAWN) {
        const at = w.length;
        w.u32(0);
        writeCompressed(w, node.spawnData, this.#s.codec);
        w.setU32(at, w.length - at - 4);
      }
      for (const sync of stateSyncs) {
        const config = sync.config;
        writeReplicatedValues(w, config.spawn, config.names, config.types, tracked.values, this.#s.codec);
      }
    } catch (error) {
      if (!(error instanceof VariantError)) throw error;
      reportHandlerError(error, `spawn state of ${node.path}`);
      return;
    }
    const packet = w.finish();
    for (const peer of peers) {
      const info = this.#s.peers.get(peer);
      if (info === undefined) continue;
      this.#link.sendObjectCache(spawner.path, NO_RPC_MD5, peer);
      this.send(peer, packet, true);
      this.#s.counts.spawnsSent++;
      info.spawnNodes.add(node);
    }
  }

  /** Godot's `_verify_synchronizer`: the id to send `sync` by to `peer`, 0 while its path is unconfirmed. */
  #verify(peer: number, sync: MultiplayerSynchronizer, state: SynchronizerState): number {
    const id = state.netId;
    if (id !== 0 && (id & PATH_SYNC_ID) === 0) return id;
    const confirmed = this.#link.sendObjectCache(sync.path, NO_RPC_MD5, peer);
    if (id === 0) state.netId = (this.#link.paths.sent(sync.path).id | PATH_SYNC_ID) >>> 0;
    return confirmed ? state.netId : 0;
  }

  /** Godot's `_send_sync`: the peer's due synchronizers in SYNCs of at most `maxSyncPacketSize` bytes. */
  #sendSync(peer: number, info: ReplicationPeer, usec: number, own: number): void {
    const mtu = this.#limits.maxSyncPacketSize;
    let w = this.#syncWriter(info.lastSentSync);
    for (const sync of info.syncNodes) {
      if (sync.getMultiplayerAuthority() !== own) continue;
      const state = this.#s.state(sync);
      if (!state.updateOutboundSyncTime(usec, sync.replicationInterval)) continue;
      const netId = this.#verify(peer, sync, state);
      if (netId === 0) continue;
      let bytes: Uint8Array;
      try {
        bytes = state.syncBytes(sync, usec);
      } catch (error) {
        this.#reportEncoding(error, sync);
        continue;
      }
      if (bytes.byteLength === 0) continue;
      if (bytes.byteLength > mtu) {
        this.#link.refuse(
          peer,
          'sync-size',
          msg`Node states bigger than MTU will not be sent (${bytes.byteLength} > ${mtu}): ${sync.path}`,
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
    // Sized for a full packet up front: growing 128 -> 2048 cost three copies per peer per tick.
    const w = new ByteWriter(this.#limits.maxSyncPacketSize);
    w.u8(SceneCommand.SYNC);
    w.u8(time & 0xff);
    w.u8(time >>> 8);
    return w;
  }

  #flushSync(peer: number, w: ByteWriter): void {
    this.send(peer, w.finish(), false);
    this.#s.counts.syncsSent++;
  }

  /** Godot's `_send_delta`: the ON_CHANGE values changed since the peer's last delta, reliable. */
  #sendDelta(peer: number, info: ReplicationPeer, usec: number, own: number): void {
    const mtu = this.#limits.maxDeltaPacketSize;
    let w: ByteWriter | null = null;
    for (const sync of info.syncNodes) {
      if (sync.getMultiplayerAuthority() !== own || sync.config.watch.length === 0) continue;
      const state = this.#s.state(sync);
      const netId = this.#verify(peer, sync, state);
      if (netId === 0) continue;
      let delta: DeltaState | null;
      try {
        delta = state.deltaState(sync, usec, info.lastWatch.get(sync) ?? 0);
      } catch (error) {
        this.#reportEncoding(error, sync);
        continue;
      }
      if (delta === null) continue;
      if (delta.size > mtu) {
        this.#link.refuse(
          peer,
          'sync-size',
          msg`Synchronizer delta bigger than MTU will not be sent (${delta.size} > ${mtu}): ${sync.path}`,
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
    this.send(peer, w.finish(), true);
    this.#s.counts.deltasSent++;
  }

  /** A value with no Godot form is reported (once per encoding step) and its synchronizer skipped; anything else is a bug and rethrown. */
  #reportEncoding(error: unknown, sync: MultiplayerSynchronizer): void {
    if (!(error instanceof VariantError)) throw error;
    reportHandlerError(error, `state of ${sync.path}`);
  }

  /** Sends a replication packet, counted. */
  send(peer: number, packet: Uint8Array, reliable: boolean): void {
    this.#link.send(peer, packet, reliable);
    this.#s.counts.bytesSent += packet.byteLength;
  }
}

import { msg, reportHandlerError } from '@wspeer/core';
import { DECODE_FAILED, type Variant4 } from '@wspeer/variant';
import { readCompressed } from './compressed-variant.js';
import { CUSTOM_SPAWN, type MultiplayerSpawner } from './multiplayer-spawner.js';
import type { MultiplayerSynchronizer, SynchronizerHost } from './multiplayer-synchronizer.js';
import { quote } from './quote.js';
import type { ReplicatedScene } from './replicated-scene.js';
import { readerOf, readReplicatedValues } from './replicated-value.js';
import {
  DELTA_ENTRY_HEADER,
  isValidNodeName,
  PATH_SYNC_ID,
  SPAWN_HEADER_SIZE,
  SYNC_DELTA_FLAG,
  SYNC_ENTRY_HEADER,
  SYNC_HEADER_SIZE,
  SYNC_MIN_SIZE,
} from './replication-packets.js';
import type { ReplicationPeer } from './replication-peer.js';
import {
  authorityOf,
  defaultValues,
  newNode,
  type ReplicationLimits,
  type ReplicationState,
} from './replication-state.js';
import { SceneCommand } from './scene-command.js';
import { readCString, readU32 } from './scene-packets.js';
import type { SceneReplicationLink } from './scene-replicator.js';

/**
 * The receiving side of replication (Godot's `on_spawn_receive`, `on_despawn_receive`,
 * `on_sync_receive`, `on_delta_receive`): every packet is checked (sizes, ids, names, the sender
 * against the authority, limits, values against their declared types) before anything changes, so
 * hostile input spawns nothing half-made; refusals are counted by kind with bounded reasons.
 */
export class ReplicationReceiver {
  readonly #s: ReplicationState;
  readonly #link: SceneReplicationLink;
  readonly #limits: ReplicationLimits;
  readonly #syncHost: SynchronizerHost;
  readonly #startSync: (sync: MultiplayerSynchronizer) => void;

  /** The receiver over `state`; `startSync` runs a new node's synchronizers. */
  constructor(
    state: ReplicationState,
    link: SceneReplicationLink,
    limits: ReplicationLimits,
    syncHost: SynchronizerHost,
    startSync: (sync: MultiplayerSynchronizer) => void,
  ) {
    this.#s = state;
    this.#link = link;
    this.#limits = limits;
    this.#syncHost = syncHost;
    this.#startSync = startSync;
  }

  /** A SPAWN, DESPAWN or SYNC from `from`. */
  receive(from: number, packet: Uint8Array): void {
    const command = (packet[0] as number) & 7;
    if (command === SceneCommand.SPAWN) this.#receiveSpawn(from, packet);
    else if (command === SceneCommand.DESPAWN) this.#receiveDespawn(from, packet);
    else if ((packet[0] as number) & SYNC_DELTA_FLAG) this.#receiveDelta(from, packet);
    else this.#receiveSync(from, packet);
  }

  /** Godot's `on_spawn_receive`, checked before anything is made: nothing half-spawned on bad input. */
  #receiveSpawn(from: number, packet: Uint8Array): undefined {
    const len = packet.byteLength;
    if (len < SPAWN_HEADER_SIZE) return this.#refuse(from, 'spawn', msg`SPAWN of ${len} bytes (at least 18).`);
    const sceneId = packet[1] as number;
    const spawnerId = readU32(packet, 2);
    const spawnerPath = this.#link.paths.lookup(from, spawnerId)?.path;
    const spawner = spawnerPath === undefined ? undefined : this.#s.spawners.get(spawnerPath);
    if (spawner === undefined) {
      return this.#refuse(
        from,
        'spawn',
        msg`SPAWN for spawner cache id ${spawnerId}${spawnerPath === undefined ? msg`, which the peer never sent` : msg` (${quote(spawnerPath)}), where no spawner is declared`}.`,
      );
    }
    if (from !== spawner.getMultiplayerAuthority()) {
      return this.#refuse(
        from,
        'authority',
        msg`SPAWN on ${spawner.path} from ${from}; its authority is ${spawner.getMultiplayerAuthority()}.`,
      );
    }
    const info = this.#s.peers.get(from);
    if (info === undefined)
      return this.#refuse(from, 'spawn', msg`SPAWN from ${from}, which replication does not know.`);
    const netId = readU32(packet, 6);
    const syncCount = readU32(packet, 10);
    const nameLen = readU32(packet, 14);
    let at = SPAWN_HEADER_SIZE;
    if (nameLen + syncCount * 4 > len - at)
      return this.#refuse(from, 'spawn', msg`SPAWN sizes past its end (${len} bytes).`);
    if (nameLen < 1 || nameLen > this.#limits.maxNameBytes + 1) {
      return this.#refuse(
        from,
        'spawn',
        msg`SPAWN name of ${nameLen} bytes (1 to ${this.#limits.maxNameBytes + 1} with its NUL).`,
      );
    }
    const syncIds: number[] = [];
    for (let i = 0; i < syncCount; i++, at += 4) syncIds.push(readU32(packet, at));
    const name = readCString(packet, at, at + nameLen);
    at += nameLen;
    if (name === null || !isValidNodeName(name)) {
      return this.#refuse(from, 'spawn', msg`SPAWN with an invalid node name ${quote(name ?? msg`(bad UTF-8)`)}.`);
    }
    const path = `${spawner.spawnNodePath}/${name}`;
    if (this.#s.nodesByPath.has(path))
      return this.#refuse(from, 'spawn', msg`SPAWN of ${quote(path)}, which exists already.`);
    if (info.recvNodes.has(netId))
      return this.#refuse(from, 'spawn', msg`SPAWN with net id ${netId}, which peer ${from} used already.`);
    if (info.recvNodes.size >= this.#limits.maxSpawnedPerPeer) {
      return this.#refuse(
        from,
        'limit',
        msg`Peer ${from} has ${info.recvNodes.size} nodes spawned here already (maxSpawnedPerPeer).`,
      );
    }
    if (spawner.spawnLimit > 0 && spawner.nodeCount >= spawner.spawnLimit) {
      return this.#refuse(from, 'limit', msg`Spawn limit of ${spawner.path} reached (${spawner.spawnLimit}).`);
    }
    let data: Variant4 | undefined;
    let scene: ReplicatedScene | undefined;
    if (sceneId === CUSTOM_SPAWN) {
      if (len - at < 4) return this.#refuse(from, 'spawn', msg`Custom SPAWN without its argument size.`);
      const argSize = readU32(packet, at);
      at += 4;
      if (argSize > len - at) return this.#refuse(from, 'spawn', msg`Custom SPAWN argument past the end.`);
      const value = readCompressed(readerOf(packet, at, at + argSize), this.#limits.maxDepth, this.#s.codec);
      if (value === DECODE_FAILED) return this.#refuse(from, 'spawn', msg`Custom SPAWN argument does not decode.`);
      at += argSize;
      data = value;
      scene = this.#customScene(spawner, value) ?? undefined;
      if (scene === undefined)
        return this.#refuse(from, 'spawn', msg`Custom SPAWN on ${spawner.path}: its spawnFunction made no scene.`);
    } else {
      scene = spawner.scenes[sceneId];
      if (scene === undefined) {
        return this.#refuse(
          from,
          'spawn',
          msg`SPAWN of scene ${sceneId} on ${spawner.path}, which has ${spawner.scenes.length}.`,
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
    const codec = this.#s.codec;
    const values = defaultValues(s.scene.types, s.scene.defaults, undefined, s.path, codec);
    const node = newNode(s.name, s.path, s.spawner, s.scene, s.sceneId, s.data, from, s.scene.types, values, codec);
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
          msg`SPAWN of ${quote(s.path)}: the authority function of ${template.path} threw.`,
        );
      }
      owners.push(authority);
      if (authority !== from) continue;
      const id = s.syncIds[taken++];
      if (id === undefined) {
        return this.#refuse(
          from,
          'spawn',
          msg`SPAWN of ${quote(s.path)}: no net id for its synchronizer ${template.path}.`,
        );
      }
      if (info.recvSyncIds.has(id) || s.syncIds.indexOf(id) !== taken - 1) {
        return this.#refuse(from, 'spawn', msg`SPAWN of ${quote(s.path)}: synchronizer net id ${id} is taken.`);
      }
      const config = template.config;
      const why = readReplicatedValues(
        reader,
        config.spawn,
        config.names,
        config.types,
        this.#limits.maxDepth,
        staged,
        this.#s.codec,
      );
      if (why !== '') return this.#refuse(from, 'spawn', msg`SPAWN of ${quote(s.path)}: spawn state: ${why}.`);
    }
    if (taken !== s.syncIds.length) {
      return this.#refuse(
        from,
        'spawn',
        msg`SPAWN of ${quote(s.path)}: ${s.syncIds.length} synchronizer ids for ${taken} synchronizers of the sender.`,
      );
    }
    if (reader.remaining > 0) {
      return this.#refuse(
        from,
        'spawn',
        msg`SPAWN of ${quote(s.path)}: ${reader.remaining} bytes past the spawn state its config describes.`,
      );
    }
    for (const [key, value] of staged) values.set(key, value);
    this.#s.registerNode(node, values, s.netId);
    let next = 0;
    const syncs = s.scene.synchronizers.map((template, i) => {
      const owner = owners[i] as number;
      const sync = this.#s.makeSync(this.#syncHost, node, template, `${s.path}/${template.path}`, owner);
      if (owner === from) {
        const id = s.syncIds[next++] as number;
        this.#s.state(sync).netId = id;
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
      return this.#refuse(from, 'despawn', msg`DESPAWN of ${packet.byteLength} bytes (at least 5).`);
    const netId = readU32(packet, 1);
    const node = this.#s.peers.get(from)?.recvNodes.get(netId);
    if (node === undefined)
      return this.#refuse(from, 'despawn', msg`DESPAWN of net id ${netId}, which peer ${from} did not spawn here.`);
    const spawner = node.spawner as MultiplayerSpawner;
    if (from !== spawner.getMultiplayerAuthority()) {
      return this.#refuse(
        from,
        'authority',
        msg`DESPAWN on ${spawner.path} from ${from}; its authority is ${spawner.getMultiplayerAuthority()}.`,
      );
    }
    this.#s.removeNode(node);
    spawner.emit('despawned', node as never);
  }

  /** The synchronizer `from` means by `netId`: a SPAWN's id, or `0x80000000 | its path-cache id`. */
  #findSync(from: number, netId: number): MultiplayerSynchronizer | undefined {
    if (netId & PATH_SYNC_ID) {
      const path = this.#link.paths.lookup(from, netId & ~PATH_SYNC_ID)?.path;
      return path === undefined ? undefined : this.#s.syncsByPath.get(path);
    }
    return this.#s.peers.get(from)?.recvSyncIds.get(netId);
  }

  /** Godot's `on_sync_receive`: entries applied when newer than the last; an entry past the end drops the rest. */
  #receiveSync(from: number, packet: Uint8Array): undefined {
    const len = packet.byteLength;
    if (len < SYNC_MIN_SIZE) return this.#refuse(from, 'sync', msg`SYNC of ${len} bytes (at least 11).`);
    const time = (packet[1] as number) | ((packet[2] as number) << 8);
    let at = SYNC_HEADER_SIZE;
    while (at + SYNC_ENTRY_HEADER < len) {
      const netId = readU32(packet, at);
      const size = readU32(packet, at + 4);
      at += SYNC_ENTRY_HEADER;
      if (size > len - at) return this.#refuse(from, 'sync', msg`SYNC entry of ${size} bytes past the end.`);
      const end = at + size;
      const sync = this.#findSync(from, netId);
      if (sync === undefined) this.#s.counts.unknown++;
      else if (this.#authorized(from, sync)) {
        const state = this.#s.state(sync);
        if (!state.updateInboundSyncTime(time)) this.#s.counts.stale++;
        else if (this.#apply(from, sync, sync.config.sync, packet, at, end, 'SYNC')) {
          this.#s.counts.syncsApplied++;
          sync.emit('synchronized');
        }
      }
      at = end;
    }
  }

  /** Godot's `on_delta_receive`: always applied; a bad entry drops the rest. */
  #receiveDelta(from: number, packet: Uint8Array): undefined {
    const len = packet.byteLength;
    if (len < SYNC_MIN_SIZE) return this.#refuse(from, 'sync', msg`Delta SYNC of ${len} bytes (at least 11).`);
    let at = 1;
    while (at + DELTA_ENTRY_HEADER < len) {
      const netId = readU32(packet, at);
      const lo = readU32(packet, at + 4);
      const hi = readU32(packet, at + 8);
      const size = readU32(packet, at + 12);
      at += DELTA_ENTRY_HEADER;
      if (size > len - at) return this.#refuse(from, 'sync', msg`Delta entry of ${size} bytes past the end.`);
      const end = at + size;
      const sync = this.#findSync(from, netId);
      if (sync === undefined) this.#s.counts.unknown++;
      else if (this.#authorized(from, sync)) {
        const watch = sync.config.watch;
        const indexes = watch.filter((_, bit) => (bit < 32 ? (lo >>> bit) & 1 : (hi >>> (bit - 32)) & 1) === 1);
        if (indexes.length === 0)
          return this.#refuse(from, 'sync', msg`Delta for ${sync.path} with no known property bit set.`);
        if (!this.#apply(from, sync, indexes, packet, at, end, 'Delta')) return;
        this.#s.counts.deltasApplied++;
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
      msg`Sync data for ${sync.path} from ${from}; its authority is ${sync.getMultiplayerAuthority()}.`,
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
    let why = readReplicatedValues(
      reader,
      indexes,
      config.names,
      config.types,
      this.#limits.maxDepth,
      staged,
      this.#s.codec,
    );
    if (why === '' && reader.remaining > 0) why = msg`${reader.remaining} bytes past the values its config describes`;
    if (why !== '') {
      this.#refuse(from, 'sync', msg`${what} for ${sync.path}: ${why}.`);
      return false;
    }
    const values = this.#s.track(sync.node).values;
    for (const [key, value] of staged) values.set(key, value);
    return true;
  }

  #refuse(from: number, kind: string, reason: string): undefined {
    this.#link.refuse(from, kind, reason);
    return undefined;
  }
}

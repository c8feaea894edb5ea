import { randomBytes } from 'node:crypto';
import {
  CloseCode,
  decodeUtf8,
  encodeUtf8,
  flushAtTurnEnd,
  generatePeerId,
  SignalEmitter,
  type TurnFlushable,
} from '@wspeer/core';
import type { Room, RoomFactory, RoomHost, ServerRoom } from '@wspeer/multiplayer';
import { createClient } from 'redis';
import { type BatchVisitor, BatchWriter, Entry, nodeKey, readBatch, readBatchHeader } from './cluster-batch.js';
import { type ClusterLink, ClusterRoom } from './cluster-room.js';
import { BEAT_SCRIPT, RESERVE_SCRIPT } from './cluster-scripts.js';
import { RemoteNodes } from './remote-nodes.js';

/** Settings of a {@link RedisCluster}. */
export interface RedisClusterOptions {
  /** The Redis server (default `redis://127.0.0.1:6379`). */
  url?: string;
  /** Names the room: servers with the same namespace on the same Redis share one room (default `wspeer`). */
  namespace?: string;
  /**
   * Milliseconds a node's lease lasts (default 3000): a node silent that long is declared gone (its
   * clients are announced disconnected everywhere) and its ids become free. It beats every third of it.
   */
  leaseMs?: number;
  /** Most bytes of one turn's batch before it is published at once (default 1 MiB). */
  maxBatchBytes?: number;
  /** Where Redis failures, recoveries and lost nodes are reported (default `console.warn`; `null` silences). */
  log?: ((line: string) => void) | null;
}

/** Signals of a {@link RedisCluster}. */
export interface RedisClusterEvents {
  /** The connection to Redis dropped; local clients are still served, other nodes are out of reach. */
  redis_down: (message: string) => void;
  /** Redis is back and this node re-registered its clients. */
  redis_up: () => void;
  /** Another node fell silent for a whole lease: its `peers` clients were announced disconnected. */
  node_lost: (node: string, peers: number) => void;
  /** Our client `id` was disconnected: another node holds its id (after a Redis outage). */
  id_conflict: (id: number) => void;
}

/** What {@link RedisCluster.stats} reports. */
export interface ClusterStats {
  /** This node's id. */
  node: string;
  /** Whether the connection to Redis is up. */
  redisUp: boolean;
  /** Other nodes heard from within a lease. */
  nodes: number;
  /** Our clients. */
  localPeers: number;
  /** The other nodes' clients. */
  remotePeers: number;
  /** Batches published (one per turn with traffic for other nodes, and one per beat). */
  published: number;
  /** Bytes published. */
  publishedBytes: number;
  /** Batches received from other nodes. */
  received: number;
  /** Batches not published (Redis down, or the command failed): what they carried is lost. */
  lost: number;
  /** Batches of other nodes we missed (a gap in their sequence numbers). */
  missed: number;
  /** Packets from other nodes for a client that is nowhere in the room (it had left). */
  undeliverable: number;
}

/** Ids a node keeps reserved in advance, so a client gets one without waiting for Redis. */
const POOL_SIZE = 16;
/** Below this many reserved ids, the pool is refilled. */
const POOL_LOW = 8;
/** Ids handed out for a handshake that never completed are freed after this long. */
const ISSUED_TIMEOUT_MS = 60_000;

/** The part of the `redis` client this adapter uses (its full generic type is not needed here). */
interface RedisClient {
  on(event: 'error' | 'ready', listener: (error: unknown) => void): unknown;
  connect(): Promise<unknown>;
  close(): Promise<unknown>;
  destroy(): void;
  readonly isReady: boolean;
  duplicate(): RedisClient;
  publish(channel: string, message: Buffer): Promise<unknown>;
  eval(script: string, options: { arguments: (string | Buffer)[] }): Promise<unknown>;
  subscribe(channel: string, listener: (message: Buffer) => void, bufferMode: true): Promise<unknown>;
}

/**
 * A Redis adapter that makes one multiplayer room of the servers of several Node processes or
 * machines: pass {@link RedisCluster.room} as the `room` option of a server. Peer ids are reserved
 * in Redis (leased, renewed while the node lives); arrivals and departures are announced to every
 * client on every node; relay, broadcast (with `-N` exclusions), `disconnectPeer` and sends to a peer
 * id reach clients of other nodes, stamped with the true sender. Traffic goes over Redis pub/sub in
 * one batch per event-loop turn and node. Node only.
 */
export class RedisCluster extends SignalEmitter<RedisClusterEvents> implements TurnFlushable, ClusterLink {
  /** This node's id (16 hex digits), new for every process. */
  readonly nodeId: string;
  /** Lease in ms. */
  readonly leaseMs: number;
  /**
   * The room factory to pass to a server (`new WebSocketMultiplayerPeer({ room: cluster.room })` or
   * `new WebSocketServer({ room: cluster.room })`). One server per cluster object.
   */
  readonly room: RoomFactory = (local: Room, host: RoomHost): ServerRoom => {
    this.#room = new ClusterRoom(local, host, this);
    return this.#room;
  };

  readonly #url: string;
  readonly #prefix: string;
  readonly #channel: string;
  readonly #maxBatchBytes: number;
  readonly #log: ((line: string) => void) | null;
  readonly #writer: BatchWriter;
  readonly #remote: RemoteNodes;
  #pub: RedisClient | null = null;
  #sub: RedisClient | null = null;
  #room: ClusterRoom | null = null;
  #up = false;
  #everUp = false;
  #closing = false;
  #flushQueued = false;
  #beatDue = false;
  #snapshotDue = false;
  #beatTimer: ReturnType<typeof setInterval> | undefined;
  readonly #inbox: Uint8Array[] = [];
  readonly #expired: string[] = [];
  readonly #pool: number[] = [];
  readonly #unreserved = new Set<number>();
  readonly #issued = new Map<number, number>();
  #released: number[] = [];
  #refilling = false;
  #registering = false;
  #from = '';
  readonly #counts = {
    published: 0,
    publishedBytes: 0,
    received: 0,
    lost: 0,
    missed: 0,
    undeliverable: 0,
  };
  readonly #onPublishFailed = (error: unknown): void => {
    this.#counts.lost++;
    this.#down(error);
  };
  /** Applies the entries of one batch from node `#from`. */
  readonly #visitor: BatchVisitor = {
    peer: (kind, id) => {
      if (kind === Entry.JOIN) this.#remote.join(this.#from, id);
      else this.#remote.leave(this.#from, id);
    },
    mark: (kind) => {
      if (kind === Entry.BYE) this.#remote.drop(this.#from);
      else this.#requestSnapshot();
    },
    send: (id, message) => {
      // Every node reads every batch (one channel): a packet for a client of a third node is not ours to count.
      if (this.#room?.deliver(id, message) !== true && !this.#remote.has(id)) this.#counts.undeliverable++;
    },
    broadcast: (message, exceptA, exceptB) => this.#room?.deliverAll(message, exceptA, exceptB),
    kick: (id, code, reason) => {
      if (this.#room?.isLocal(id)) this.#room.host.disconnectPeer(id, code, decodeUtf8(reason));
    },
    snapshot: (ids) => this.#remote.reconcile(this.#from, ids),
  };

  /** A cluster node; {@link RedisCluster.connect} joins it. */
  constructor(options: RedisClusterOptions = {}) {
    super();
    const node = randomBytes(8);
    this.nodeId = nodeKey(node);
    this.#writer = new BatchWriter(node);
    this.#url = options.url ?? 'redis://127.0.0.1:6379';
    const namespace = options.namespace ?? 'wspeer';
    this.#prefix = `${namespace}:`;
    this.#channel = `${namespace}:room`;
    this.leaseMs = options.leaseMs ?? 3000;
    if (!(this.leaseMs >= 300)) throw new Error(`RedisCluster: leaseMs must be at least 300 (got ${this.leaseMs})`);
    this.#maxBatchBytes = options.maxBatchBytes ?? 1 << 20;
    this.#log = options.log === undefined ? (line) => console.warn(line) : options.log;
    this.#remote = new RemoteNodes({
      joined: (id) => this.#room?.host.peerJoined(id),
      left: (id) => this.#room?.host.peerLeft(id),
    });
  }

  /**
   * Connects to Redis, reserves ids, subscribes to the room and says hello; resolves once the other
   * nodes had a moment to answer with their clients (a fifth of the lease). Rejects if Redis cannot
   * be reached now; once connected, the node reconnects by itself after any outage.
   */
  async connect(): Promise<void> {
    if (this.#pub !== null) throw new Error('RedisCluster.connect: already connected (one connect per object)');
    const pub = createClient({
      url: this.#url,
      disableOfflineQueue: true,
      socket: {
        // Once up, reconnect for ever (backing off to 500 ms); the first connection fails at once.
        reconnectStrategy: (retries: number, cause: Error) => (this.#everUp ? Math.min(50 * 2 ** retries, 500) : cause),
        connectTimeout: 2000,
      },
    }) as unknown as RedisClient;
    const sub = pub.duplicate();
    this.#pub = pub;
    this.#sub = sub;
    pub.on('error', (error: unknown) => this.#down(error));
    sub.on('error', (error: unknown) => this.#down(error));
    pub.on('ready', () => this.#ready());
    sub.on('ready', () => this.#ready());
    try {
      await pub.connect();
      await sub.connect();
      await sub.subscribe(this.#channel, (frame: Buffer) => this.#arrived(frame), true);
      await this.#register();
    } catch (error) {
      this.#pub = null;
      this.#sub = null;
      pub.destroy();
      sub.destroy();
      throw new Error(`RedisCluster.connect: cannot reach Redis at ${this.#url} (${(error as Error).message})`);
    }
    this.#beatTimer = setInterval(() => this.#beat(), Math.floor(this.leaseMs / 3));
    this.#beatTimer.unref?.();
    await new Promise((resolve) => setTimeout(resolve, Math.floor(this.leaseMs / 5)));
  }

  /** Leaves the cluster: the other nodes hear at once that our clients left; our ids are freed. */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    clearInterval(this.#beatTimer);
    const pub = this.#pub;
    const sub = this.#sub;
    if (pub === null || sub === null) return;
    if (this.#up) {
      this.#writer.mark(Entry.BYE);
      const held = [...(this.#room?.members ?? []), ...this.#pool, ...this.#unreserved, ...this.#released];
      await this.#evalBeat(this.#writer.take(), held).catch(() => {});
    }
    await Promise.allSettled([sub.close(), pub.close()]);
  }

  /** Counters for operators. */
  stats(): ClusterStats {
    return {
      node: this.nodeId,
      redisUp: this.#up,
      nodes: this.#remote.nodeCount,
      localPeers: this.#room?.members.size ?? 0,
      remotePeers: this.#remote.peerCount,
      ...this.#counts,
    };
  }

  // --- ClusterLink: what the room asks -----------------------------------------------------------------

  /** Whether `id` is a client of another node. */
  hasRemote(id: number): boolean {
    return this.#remote.has(id);
  }

  /** Whether any other node has clients. */
  hasRemotePeers(): boolean {
    return this.#remote.peerCount > 0;
  }

  /** The other nodes' clients. */
  remoteIds(): Iterable<number> {
    return this.#remote.ids();
  }

  /** Tells the others our client `id` joined. */
  joined(id: number): void {
    this.#issued.delete(id);
    this.#writer.peer(Entry.JOIN, id);
    this.#requestFlush();
  }

  /** Tells the others our client `id` left; its id is freed with the next beat. */
  left(id: number): void {
    this.#writer.peer(Entry.LEAVE, id);
    if (!this.#unreserved.delete(id)) this.#released.push(id);
    this.#requestFlush();
  }

  /** Queues a packet for peer `id` of another node. */
  sendRemote(id: number, message: Uint8Array): void {
    this.#writer.send(id, message);
    this.#queued();
  }

  /** Queues a packet for every peer of the other nodes but `exceptA` and `exceptB`. */
  broadcastRemote(message: Uint8Array, exceptA: number, exceptB: number): void {
    this.#writer.broadcast(message, exceptA, exceptB);
    this.#queued();
  }

  /** Asks the node holding `id` to close it with `code` and `reason`. */
  kickRemote(id: number, code: number, reason: string): void {
    const bytes = encodeUtf8(reason);
    this.#writer.kick(id, code, bytes.byteLength > 123 ? bytes.subarray(0, 123) : bytes);
    this.#requestFlush();
  }

  /** An id from the pool reserved in Redis; a random one (reserved later) if the pool ran dry. */
  newId(taken: (id: number) => boolean): number {
    let id = 0;
    while (this.#pool.length > 0) {
      const next = this.#pool.pop() as number;
      if (!taken(next) && !this.#remote.has(next)) {
        id = next;
        break;
      }
      this.#released.push(next);
    }
    if (id === 0) {
      id = generatePeerId((candidate) => taken(candidate) || this.#remote.has(candidate));
      this.#unreserved.add(id);
    }
    this.#issued.set(id, performance.now());
    if (this.#pool.length < POOL_LOW) void this.#refill();
    return id;
  }

  /** Applies what arrived from the other nodes (at the start of the server's poll). */
  poll(): void {
    const inbox = this.#inbox;
    for (let i = 0; i < inbox.length; i++) this.#apply(inbox[i] as Uint8Array);
    inbox.length = 0;
    while (this.#expired.length > 0) this.#expire(this.#expired.shift() as string);
  }

  // --- TurnFlushable ------------------------------------------------------------------------------------

  /** Publishes this turn's batch: one Redis command (with the lease refresh when a beat is due). */
  flushTurn(): void {
    this.#flushQueued = false;
    if (this.#closing) return;
    const beat = this.#beatDue;
    if (beat || this.#snapshotDue) {
      const members = this.#room?.members ?? new Set<number>();
      this.#writer.snapshot(members, members.size);
      this.#snapshotDue = false;
    }
    if (this.#writer.empty && !beat) return;
    const frame = this.#writer.take();
    if (!this.#up) {
      this.#counts.lost++;
      return;
    }
    this.#counts.published++;
    this.#counts.publishedBytes += frame.byteLength;
    if (beat) {
      this.#beatDue = false;
      const released = this.#released;
      this.#released = [];
      this.#evalBeat(frame, released).catch(this.#onPublishFailed);
    } else {
      (this.#pub as RedisClient).publish(this.#channel, toBuffer(frame)).catch(this.#onPublishFailed);
    }
  }

  // --- inside -------------------------------------------------------------------------------------------

  #requestFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    flushAtTurnEnd(this);
  }

  /** After a relay entry: flush now if the batch is over its bound, else at the end of the turn. */
  #queued(): void {
    if (this.#writer.size > this.#maxBatchBytes) this.flushTurn();
    else this.#requestFlush();
  }

  #requestSnapshot(): void {
    this.#snapshotDue = true;
    this.#requestFlush();
  }

  #evalBeat(frame: Uint8Array, released: readonly number[]): Promise<unknown> {
    const args: (string | Buffer)[] = [this.#prefix, this.nodeId, String(this.leaseMs), this.#channel, toBuffer(frame)];
    for (const id of released) args.push(String(id));
    return (this.#pub as RedisClient).eval(BEAT_SCRIPT, { arguments: args });
  }

  /** A batch arrived (in the Redis client's callback): applied at the server's next poll. */
  #arrived(frame: Buffer): void {
    this.#counts.received++;
    this.#inbox.push(frame);
    const room = this.#room;
    if (room === null) this.poll();
    else room.host.wake();
  }

  #apply(frame: Uint8Array): void {
    const header = readBatchHeader(frame);
    if (header === null || header.node === this.nodeId) return;
    // A node we do not know (new, or back after we declared it gone): ask for everyone's snapshot now
    // rather than wait for its next beat, so its clients reappear at once.
    if (!this.#remote.knows(header.node)) {
      this.#writer.mark(Entry.HELLO);
      this.#requestFlush();
    }
    const gap = this.#remote.heard(header.node, header.sequence, performance.now());
    if (gap === false) return;
    this.#counts.missed += gap;
    this.#from = header.node;
    if (!readBatch(frame, this.#visitor)) this.#log?.(`wspeer cluster: malformed batch from node ${header.node}`);
  }

  #beat(): void {
    this.#beatDue = true;
    this.#requestFlush();
    const now = performance.now();
    for (const key of this.#remote.silentSince(now - this.leaseMs)) this.#expired.push(key);
    for (const [id, at] of this.#issued) {
      if (now - at < ISSUED_TIMEOUT_MS || this.#room?.members.has(id)) continue;
      this.#issued.delete(id);
      this.#released.push(id);
    }
    if (this.#expired.length === 0) return;
    if (this.#room === null) this.poll();
    else this.#room.host.wake();
  }

  #expire(key: string): void {
    const peers = this.#remote.drop(key);
    this.#log?.(`wspeer cluster: node ${key} silent for ${this.leaseMs} ms; its ${peers} peer(s) left`);
    this.emit('node_lost', key, peers);
  }

  /** Reserves our ids (clients, pool, ids handed out while Redis was down); cuts clients whose id another node took. */
  async #register(): Promise<void> {
    const members = [...(this.#room?.members ?? [])];
    const held = [...members, ...this.#pool, ...this.#unreserved];
    const got = new Set(held.length === 0 ? [] : await this.#reserve(held));
    this.#up = true;
    this.#everUp = true;
    for (let i = this.#pool.length - 1; i >= 0; i--) if (!got.has(this.#pool[i] as number)) this.#pool.splice(i, 1);
    this.#unreserved.clear();
    for (const id of members) {
      if (got.has(id)) continue;
      this.#log?.(`wspeer cluster: peer id ${id} is held by another node; disconnecting our client`);
      this.emit('id_conflict', id);
      this.#room?.host.disconnectPeer(id, CloseCode.GOING_AWAY, 'Peer id conflict in the cluster');
    }
    this.#writer.mark(Entry.HELLO);
    this.#beatDue = true;
    this.#requestFlush();
    await this.#refill();
  }

  async #reserve(ids: readonly number[]): Promise<number[]> {
    const args = [this.#prefix, this.nodeId, String(this.leaseMs), ...ids.map(String)];
    const reply = (await (this.#pub as RedisClient).eval(RESERVE_SCRIPT, { arguments: args })) as unknown[];
    return reply.map((id) => Number(String(id)));
  }

  async #refill(): Promise<void> {
    if (this.#refilling || !this.#up || this.#closing) return;
    this.#refilling = true;
    try {
      const candidates: number[] = [];
      while (candidates.length < POOL_SIZE - this.#pool.length) {
        const id = generatePeerId((c) => this.#remote.has(c) || this.#issued.has(c) || this.#pool.includes(c));
        if (!candidates.includes(id)) candidates.push(id);
      }
      for (const id of await this.#reserve(candidates)) this.#pool.push(id);
    } catch (error) {
      this.#down(error);
    } finally {
      this.#refilling = false;
    }
  }

  #down(error: unknown): void {
    if (!this.#up || this.#closing) return;
    this.#up = false;
    const message = error instanceof Error ? error.message : String(error);
    this.#log?.(`wspeer cluster: Redis connection lost (${message}); serving local clients, reconnecting`);
    this.emit('redis_down', message);
  }

  /** A connection is (again) ready: once both are, after an outage, re-register and say hello. */
  #ready(): void {
    const pub = this.#pub;
    const sub = this.#sub;
    if (!this.#everUp || this.#up || this.#closing || this.#registering) return;
    if (pub === null || sub === null || !pub.isReady || !sub.isReady) return;
    this.#registering = true;
    this.#register().then(
      () => {
        this.#registering = false;
        this.#log?.('wspeer cluster: Redis is back; clients re-registered');
        this.emit('redis_up');
      },
      (error: unknown) => {
        this.#registering = false;
        this.#down(error);
      },
    );
  }
}

/** A Buffer over the same bytes (no copy): what the Redis client sends as a binary argument. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

import { ErrorCode } from '@wspeer/core';
import type { Room, RoomHost, ServerRoom } from '@wspeer/multiplayer';

/** What a {@link ClusterRoom} needs of its cluster (implemented by `RedisCluster`). */
export interface ClusterLink {
  /** Whether peer `id` is a client of another node. */
  hasRemote(id: number): boolean;
  /** Whether any other node has clients. */
  hasRemotePeers(): boolean;
  /** The clients of the other nodes. */
  remoteIds(): Iterable<number>;
  /** Our client `id` joined: tell the others. */
  joined(id: number): void;
  /** Our client `id` left: tell the others, free its id. */
  left(id: number): void;
  /** A packet for peer `id` of another node. */
  sendRemote(id: number, message: Uint8Array): void;
  /** A packet for every peer of the other nodes but `exceptA` and `exceptB`. */
  broadcastRemote(message: Uint8Array, exceptA: number, exceptB: number): void;
  /** Asks the node holding `id` to close it. */
  kickRemote(id: number, code: number, reason: string): void;
  /** An id reserved cluster-wide, not `taken` here. */
  newId(taken: (id: number) => boolean): number;
  /** Applies what the other nodes sent (membership changes reach `host`). */
  poll(): void;
}

/**
 * One multiplayer room across the nodes of a cluster, as a server's {@link ServerRoom}: its own
 * clients are reached through their sockets (the `local` room), the others' through the cluster, in
 * one Redis command per turn. The wires and the scene layer above see one room and no Redis.
 */
export class ClusterRoom implements ServerRoom {
  readonly #local: Room;
  readonly #cluster: ClusterLink;
  readonly #members = new Set<number>();
  /** What the server is told (peers of other nodes joining and leaving, kicks, wake-ups). */
  readonly host: RoomHost;

  /** The room of a server whose own clients are `local`, reporting to `host`, over `cluster`. */
  constructor(local: Room, host: RoomHost, cluster: ClusterLink) {
    this.#local = local;
    this.host = host;
    this.#cluster = cluster;
  }

  /** Our clients (those that entered and have not left). */
  get members(): ReadonlySet<number> {
    return this.#members;
  }

  /** Whether `id` is a client of any node. */
  has(id: number): boolean {
    return this.#local.has(id) || this.#cluster.hasRemote(id);
  }

  /** Whether `id` is our client. */
  isLocal(id: number): boolean {
    return this.#local.has(id);
  }

  /** Every client of every node, ascending. */
  sortedIds(): number[] {
    const ids = this.#local.sortedIds();
    for (const id of this.#cluster.remoteIds()) ids.push(id);
    return ids.sort((a, b) => a - b);
  }

  /** To our client through its socket, or to another node's through the cluster. */
  sendTo(id: number, message: Uint8Array): void {
    if (this.#local.has(id)) this.#local.sendTo(id, message);
    else if (this.#cluster.hasRemote(id)) this.#cluster.sendRemote(id, message);
  }

  /** To our clients, and once to the cluster for everyone else (exclusions travel with it). */
  broadcast(message: Uint8Array, exceptA: number, exceptB: number): void {
    this.#local.broadcast(message, exceptA, exceptB);
    if (this.#cluster.hasRemotePeers()) this.#cluster.broadcastRemote(message, exceptA, exceptB);
  }

  /** Announcements go to our clients only: every node announces to its own. */
  announce(message: Uint8Array, except: number): void {
    this.#local.announce(message, except);
  }

  /** A packet for the server. */
  store(packet: Uint8Array, sender: number): void {
    this.#local.store(packet, sender);
  }

  /** A refused packet. */
  refuse(from: number, kind: string, reason: string): void {
    this.#local.refuse(from, kind, reason);
  }

  /** Our client joined: the cluster tells the others. */
  enter(id: number): void {
    this.#members.add(id);
    this.#cluster.joined(id);
  }

  /** Our client left: the cluster tells the others and frees its id. */
  leave(id: number): void {
    if (this.#members.delete(id)) this.#cluster.left(id);
  }

  /** An id reserved cluster-wide. */
  newId(taken: (id: number) => boolean): number {
    return this.#cluster.newId(taken);
  }

  /** Asks the node of `id` to close it (`ERR_DOES_NOT_EXIST` if no other node has it). */
  disconnectRemote(id: number, code: number, reason: string): ErrorCode {
    if (!this.#cluster.hasRemote(id)) return ErrorCode.ERR_DOES_NOT_EXIST;
    this.#cluster.kickRemote(id, code, reason);
    return ErrorCode.OK;
  }

  /** Applies what the other nodes sent. */
  poll(): void {
    this.#cluster.poll();
  }

  /** The server stopped: its clients left. */
  close(): void {
    for (const id of [...this.#members]) this.leave(id);
  }

  /** A packet from another node for our client `id` (nothing if it left meanwhile). */
  deliver(id: number, message: Uint8Array): boolean {
    if (!this.#local.has(id)) return false;
    this.#local.sendTo(id, message);
    return true;
  }

  /** A broadcast from another node, to our clients but `exceptA` and `exceptB`. */
  deliverAll(message: Uint8Array, exceptA: number, exceptB: number): void {
    this.#local.broadcast(message, exceptA, exceptB);
  }
}

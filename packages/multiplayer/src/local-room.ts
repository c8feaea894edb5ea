import { ErrorCode, generatePeerId, msg, type WebSocketPeer } from '@wspeer/core';
import type { MultiplayerSession } from './multiplayer-session.js';
import { RefusalLog } from './refusal-log.js';
import type { ResumeHost, ResumeSlot } from './resume-host.js';
import type { ServerRoom } from './wire.js';

/** What a {@link LocalRoom} asks of its server. */
export interface RoomServer {
  /** Cuts client `id`, which cannot take more (1008 "Buffer overflow"; it leaves at once). */
  cut(id: number): void;
  /** Counts a refusal of `kind` in the server's stats. */
  countRefusal(kind: string): void;
}

/**
 * The clients of one server process as a {@link Room}: its connected peers, reached by their
 * sockets, and (with resume) the clients held within their grace, whose messages are kept for them.
 */
export class LocalRoom implements ServerRoom {
  readonly #peers: ReadonlyMap<number, WebSocketPeer>;
  readonly #session: MultiplayerSession;
  readonly #server: RoomServer;
  readonly #resume: ResumeHost | null;
  readonly #slots: ReadonlyMap<number, ResumeSlot>;
  /** Created by the first refusal nobody listens to. */
  #drops: RefusalLog | null = null;

  /** The room of `peers` (and of the clients `resume` holds), reporting to `session` (signals, log) and `server` (cuts, counts). */
  constructor(
    peers: ReadonlyMap<number, WebSocketPeer>,
    session: MultiplayerSession,
    server: RoomServer,
    resume: ResumeHost | null = null,
  ) {
    this.#peers = peers;
    this.#session = session;
    this.#server = server;
    this.#resume = resume;
    this.#slots = resume?.slots ?? new Map();
  }

  /** Whether client `id` is connected or held. */
  has(id: number): boolean {
    return this.#peers.has(id) || (this.#resume?.isHeld(id) ?? false);
  }

  /** Whether client `id` is one of this server's: connected, or held within its resume grace. */
  isLocal(id: number): boolean {
    return this.has(id);
  }

  /** The connected and held clients' ids, ascending. */
  sortedIds(): number[] {
    const ids = [...this.#peers.keys()];
    for (const [id, slot] of this.#slots) if (slot.peer === null) ids.push(id);
    return ids.sort((a, b) => a - b);
  }

  /** Sends to one client (nothing if it is gone). */
  sendTo(id: number, message: Uint8Array): void {
    const slot = this.#slots.size > 0 ? this.#slots.get(id) : undefined;
    if (slot !== undefined) {
      this.#keep(id, slot, message);
      return;
    }
    const peer = this.#peers.get(id);
    if (peer !== undefined) this.#deliver(id, peer, message);
  }

  /** Sends to every client but `exceptA` and `exceptB`. */
  broadcast(message: Uint8Array, exceptA: number, exceptB: number): void {
    const slots = this.#slots;
    for (const [id, peer] of this.#peers) {
      if (id === exceptA || id === exceptB) continue;
      const slot = slots.size > 0 ? slots.get(id) : undefined;
      if (slot !== undefined) this.#keep(id, slot, message);
      else this.#deliver(id, peer, message);
    }
    if (slots.size === 0) return;
    for (const [id, slot] of slots) {
      if (slot.peer === null && id !== exceptA && id !== exceptB) this.#keep(id, slot, message);
    }
  }

  /** Sends to every client but `except`. */
  announce(message: Uint8Array, except: number): void {
    this.broadcast(message, except, 0);
  }

  /** Nothing to do: the server's peer map is the membership. */
  enter(_id: number): void {}

  /** Nothing to do: the server's peer map is the membership. */
  leave(_id: number): void {}

  /** A random Godot id not `taken`. */
  newId(taken: (id: number) => boolean): number {
    return generatePeerId(taken);
  }

  /** No other server: `ERR_DOES_NOT_EXIST`. */
  disconnectRemote(_id: number, _code: number, _reason: string): ErrorCode {
    return ErrorCode.ERR_DOES_NOT_EXIST;
  }

  /** Nothing arrives from elsewhere. */
  poll(): void {}

  /** Nothing to forget. */
  close(): void {}

  /** Queues a packet for the server. */
  store(packet: Uint8Array, sender: number): void {
    this.#session.store(packet, sender);
  }

  /** Reports a refusal. */
  refuse(from: number, kind: string, reason: string): void {
    this.#server.countRefusal(kind);
    this.#report(from, kind, reason);
  }

  /**
   * Reports a refused packet or peer (`kind` names the rule): `packet_dropped` when someone
   * listens, else a log line (one per kind and second). Nothing once the session is muted.
   */
  #report(from: number, kind: string, reason: string): void {
    const signals = this.#session.signals;
    if (signals === null) return;
    if (signals.listenerCount('packet_dropped') > 0) signals.emit('packet_dropped', from, reason, kind);
    else {
      this.#drops ??= new RefusalLog(this.#session.log);
      this.#drops.note(from, kind, reason, false);
    }
  }

  /** A client that cannot take more is cut (1008 "Buffer overflow", it leaves at once), never silently skipped. */
  #deliver(id: number, peer: WebSocketPeer, message: Uint8Array): void {
    if (peer.send(message) !== ErrorCode.ERR_OUT_OF_MEMORY) return;
    this.#overflow(id);
  }

  /** A resumable client: the message is kept until it acknowledges it (and sent if it is connected). */
  #keep(id: number, slot: ResumeSlot, message: Uint8Array): void {
    const resume = this.#resume as ResumeHost;
    if (!slot.deliver(message, resume.maxBytes, resume.maxPackets)) this.#overflow(id);
  }

  #overflow(id: number): void {
    this.#report(id, 'buffer-overflow', msg`peer ${id} is over its outbound buffer limits; disconnecting it`);
    this.#server.cut(id);
  }
}

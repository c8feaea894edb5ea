import {
  CloseCode,
  CloseReason,
  WebSocketServer as CoreWebSocketServer,
  ErrorCode,
  type WebSocketPeer,
  type WebSocketServerEvents,
  type WebSocketServerOptions,
} from '@wspeer/core';
import { TARGET_PEER_SERVER, type Wire } from './constants.js';
import { LocalRoom } from './local-room.js';
import type { MultiplayerPeer, MultiplayerPeerEvents } from './multiplayer-peer.js';
import { MultiplayerSession, SESSION } from './multiplayer-session.js';
import { withPacketSide } from './packet-side.js';
import { ResumeHost } from './resume-host.js';
import type { RoomFactory, ServerRoom, ServerWire } from './wire.js';
import { serverWire } from './wire-formats.js';

/** Signals of the multiplayer-capable server: Godot 3's raw signals plus the multiplayer ones. */
export interface MultiplayerServerEvents extends WebSocketServerEvents, MultiplayerPeerEvents {}

/** Settings of the multiplayer-capable {@link WebSocketServer}. */
export interface MultiplayerServerOptions extends WebSocketServerOptions {
  /** Wire format in multiplayer mode (default `godot3`). */
  wire?: Wire;
  /** Where refusal warnings go (rate-limited); `null` silences them. Default `console.warn`. */
  log?: ((line: string) => void) | null;
  /**
   * Seconds a wspeer client that offered resume (a `Resume` client) and dropped is held: its id
   * stays reserved, nobody sees it leave, and what is addressed to it is kept, so that it comes
   * back where it was. Default 5; 0 turns resume off. Godot clients never offer it: they leave at once.
   * A resumable client leaves at once when it closes normally (1000) or is cut; any other end of its
   * socket (a drop, a missed heartbeat, 1001, a browser's `close()`) is held.
   */
  resumeGrace?: number;
  /**
   * Most bytes kept for one resumable client: sent and not yet acknowledged, or addressed to it
   * while it is held (default 1 MiB; also at most `maxQueuedPackets` messages). A client over it
   * leaves at once (connected: cut with 1008; held: its grace ends).
   */
  resumeBufferSize?: number;
  /**
   * Makes the room of this server in multiplayer mode (default: its own clients). A cluster adapter's
   * factory (`RedisCluster.room` of `wspeer/cluster`) makes one room of the clients of several servers.
   */
  room?: RoomFactory;
}

/**
 * Godot 3's `WebSocketServer`, including multiplayer mode (`listen(port, protocols, true)`): the
 * server is peer 1, gives every client an id, announces peers, relays client to client (stamping
 * and checking the true sender), and implements {@link MultiplayerPeer}. Raw mode is unchanged.
 */
export class WebSocketServer
  extends withPacketSide(CoreWebSocketServer<MultiplayerServerEvents>)
  implements MultiplayerPeer
{
  /** Wire format used in multiplayer mode. */
  wire: Wire;
  /** The packet side and signals (shared with a `WebSocketMultiplayerPeer` that drives this server). */
  override [SESSION]: MultiplayerSession;
  #multiplayer = false;
  #format: ServerWire = serverWire('godot3');
  readonly #room: ServerRoom;
  readonly #forgotten = new Set<number>();
  readonly #resume: ResumeHost;
  /** Held clients whose grace ended (or whose buffer overflowed): they leave at the end of the next poll. */
  #expired: number[] = [];

  /** A server; `session` is passed by a `WebSocketMultiplayerPeer` that drives it. */
  constructor(options: MultiplayerServerOptions = {}, session?: MultiplayerSession) {
    super(options);
    this.wire = options.wire ?? 'godot3';
    this[SESSION] = session ?? new MultiplayerSession(this, options.log);
    this.#resume = new ResumeHost(
      {
        overflow: (id) => this.#overflow(id),
        expired: (id) => this.#expire(id),
        countRefusal: (kind) => this.countRefusal(kind),
      },
      options.resumeGrace ?? 5,
      options.resumeBufferSize ?? 1 << 20,
      this.maxQueuedPackets,
    );
    const local = new LocalRoom(
      this.connectedPeers,
      this[SESSION],
      { cut: (id) => this.#overflow(id), countRefusal: (kind) => this.countRefusal(kind) },
      this.#resume,
    );
    this.#room =
      options.room === undefined
        ? local
        : options.room(local, {
            peerJoined: (id) => this.#remoteJoined(id),
            peerLeft: (id) => this.#remoteLeft(id),
            disconnectPeer: (id, code, reason) => this.disconnectPeer(id, code, reason),
            wake: () => this.requestPoll(),
          });
  }

  /** Seconds a dropped resumable client is held (see the `resumeGrace` option; 0 = resume off). */
  get resumeGrace(): number {
    return this.#resume.grace;
  }

  /** Sets `resumeGrace` (see the getter); applies to the next drops. */
  set resumeGrace(seconds: number) {
    this.#resume.grace = seconds;
  }

  /** Most bytes kept for one resumable client (see the `resumeBufferSize` option). */
  get resumeBufferSize(): number {
    return this.#resume.maxBytes;
  }

  /** Sets `resumeBufferSize` (see the getter). */
  set resumeBufferSize(bytes: number) {
    this.#resume.maxBytes = bytes;
  }

  /** Listens; with `gdMpApi` the server speaks the multiplayer protocol (see `wire`). */
  override listen(port: number, protocols: readonly string[] = [], gdMpApi = false): ErrorCode {
    const err = super.listen(port, protocols);
    if (err === ErrorCode.OK) this.#startMultiplayer(gdMpApi);
    return err;
  }

  /** Attaches to an HTTP(S) server; with `gdMpApi` in multiplayer mode. */
  override attach(
    server: unknown,
    options: { path?: string; protocols?: readonly string[]; gdMpApi?: boolean } = {},
  ): ErrorCode {
    const err = super.attach(server, options);
    if (err === ErrorCode.OK) this.#startMultiplayer(options.gdMpApi ?? false);
    return err;
  }

  /** Whether the server runs in multiplayer mode. */
  get isMultiplayer(): boolean {
    return this.#multiplayer;
  }

  /** Stops and drops every queued packet. */
  override stop(code?: number, reason?: string): void {
    if (this.#multiplayer) this.#room.close();
    super.stop(code, reason);
    this[SESSION].inbox.clear();
    this.#forgotten.clear();
    this.#resume.clear();
    this.#expired = [];
  }

  /**
   * Applies what arrived (from clients, and in a cluster from the other servers; signals fire from
   * here), then lets held clients whose grace ended leave (one `peer_disconnected` each).
   */
  override poll(): void {
    if (this.#multiplayer) this.#room.poll();
    super.poll();
    while (this.#expired.length > 0) {
      const gone = this.#expired;
      this.#expired = [];
      for (const id of gone) this.#leave(id);
    }
  }

  /**
   * The ids of the clients in the room: connected, resumable ones held within their grace, and in a
   * cluster those of every server.
   */
  override getPeerIds(): number[] {
    return this.#multiplayer ? this.#room.sortedIds() : super.getPeerIds();
  }

  /** Sends `buffer` to the target peer. `ERR_UNCONFIGURED` outside multiplayer mode or when not listening. */
  putPacket(buffer: Uint8Array): ErrorCode {
    if (!this.#multiplayer || !this.isListening()) return ErrorCode.ERR_UNCONFIGURED;
    const target = this[SESSION].target;
    if (target === TARGET_PEER_SERVER) return ErrorCode.OK;
    let message = this.#format.frame(target, buffer);
    // A resumable client may keep it for seconds: never the caller's buffer (godot4 frames are the packet itself).
    if (message === buffer && this.#resume.slots.size > 0) message = buffer.slice();
    if (target > 1) {
      if (!this.#room.has(target)) return ErrorCode.ERR_INVALID_PARAMETER;
      this.#room.sendTo(target, message);
    } else {
      this.#room.broadcast(message, 0, -target);
    }
    return ErrorCode.OK;
  }

  /** The server is always peer 1. */
  getUniqueId(): number {
    return TARGET_PEER_SERVER;
  }

  /** True. */
  isServer(): boolean {
    return true;
  }

  /**
   * Godot 4 form `disconnectPeer(id, force)`: closes client `id` (1000); `force` drops it at once
   * and forgets it without `peer_disconnected`. Godot 3 form `disconnectPeer(id, code, reason)`.
   * In multiplayer mode the client leaves at once, as in Godot 4 (a closing peer is no longer in
   * the room): `peer_disconnected` at the end of this poll or the next, nothing more of it relayed.
   */
  override disconnectPeer(id: number, codeOrForce: number | boolean = CloseCode.NORMAL, reason = ''): ErrorCode {
    const slot = this.#resume.slots.get(id);
    if (slot?.peer === null) {
      // Held within its grace: it leaves now (forgotten without a signal when forced).
      if (codeOrForce === true) this.#forgotten.add(id);
      this.#expire(id);
      return ErrorCode.OK;
    }
    // A drop the server decides is a cut: a resumable client is not held for it.
    if (slot !== undefined && typeof codeOrForce === 'number' && codeOrForce < 0) {
      return this.cutPeer(id, CloseCode.UNCLEAN, reason, null);
    }
    if (this.#multiplayer && !this.hasPeer(id) && this.#room.has(id)) {
      const code = typeof codeOrForce === 'number' ? codeOrForce : CloseCode.NORMAL;
      return this.#room.disconnectRemote(id, code, reason);
    }
    if (codeOrForce === true) {
      if (!this.hasPeer(id)) return ErrorCode.ERR_DOES_NOT_EXIST;
      this.#forgotten.add(id);
      return super.disconnectPeer(id, CloseCode.UNCLEAN);
    }
    const code = codeOrForce === false ? CloseCode.NORMAL : codeOrForce;
    if (!this.#multiplayer || code < 0) return super.disconnectPeer(id, code, reason);
    return this.cutPeer(id, code, reason, null);
  }

  /** Drops every client at once and stops, without `peer_disconnected` signals. */
  close(): void {
    this.stop(CloseCode.UNCLEAN, '');
  }

  protected override peerConnected(id: number, peer: WebSocketPeer, protocol: string): void {
    if (!this.#multiplayer) {
      super.peerConnected(id, peer, protocol);
      return;
    }
    const resume = this.#resume;
    // A resumable session counts every message both ways: a rate limit must hold it, never drop.
    if (resume.resume(id, peer)) {
      this.keepEveryMessage(peer);
      return;
    }
    if (resume.offered(peer.requestedUrl)) {
      resume.open(id, peer);
      this.keepEveryMessage(peer);
    }
    this.#room.enter(id);
    this.#format.welcome(this.#room, id);
    this[SESSION].signals?.emit('peer_connected', id);
  }

  protected override peerPacket(id: number, peer: WebSocketPeer): void {
    if (!this.#multiplayer) {
      super.peerPacket(id, peer);
      return;
    }
    const message = peer.getPacket();
    const slots = this.#resume.slots;
    const slot = slots.size > 0 ? slots.get(id) : undefined;
    if (slot !== undefined) {
      if (peer.wasStringPacket() && this.#resume.control(slot, message)) return;
      this.#resume.counted(slot);
    }
    this.#format.receive(this.#room, id, message);
  }

  protected override peerIdTaken(id: number): boolean {
    return super.peerIdTaken(id) || this.#resume.slots.has(id);
  }

  protected override claimPeerId(url: string): number {
    return this.#multiplayer ? this.#resume.claim(url) : 0;
  }

  protected override peerDisconnected(id: number, wasClean: boolean, cut: boolean): void {
    if (!this.#multiplayer) {
      super.peerDisconnected(id, wasClean, cut);
      return;
    }
    const slot = this.#resume.slots.get(id);
    if (slot !== undefined) {
      const code = cut || this.#forgotten.has(id) ? CloseCode.NORMAL : (slot.peer?.closeCode ?? CloseCode.NORMAL);
      if (this.#resume.hold(id, code)) return;
    }
    this.#leave(id);
  }

  /** Client `id` leaves for good: the others hear of it (one `peer_disconnected`). */
  #leave(id: number): void {
    this.#resume.forget(id);
    this.#room.leave(id);
    this.#format.farewell(this.#room, id);
    if (this.#forgotten.delete(id)) return;
    this[SESSION].signals?.emit('peer_disconnected', id);
  }

  /** Client `id` cannot take more: cut if connected, its grace ended if held. */
  #overflow(id: number): void {
    if (this.#resume.isHeld(id)) this.#expire(id);
    else this.cutPeer(id, CloseCode.POLICY_VIOLATION, CloseReason.BUFFER_OVERFLOW, 'buffer-overflow');
  }

  /** Held client `id` leaves at the end of the next poll (at once when auto-polled). */
  #expire(id: number): void {
    const slot = this.#resume.slots.get(id);
    if (slot === undefined || slot.peer !== null || slot.token === '') return;
    slot.token = ''; // no resume from here on
    slot.clear();
    this.#expired.push(id);
    this.requestPoll();
  }

  /** A new client's id: from the room in multiplayer mode (a cluster's are unique cluster-wide). */
  protected override newPeerId(taken: (id: number) => boolean): number {
    return this.#multiplayer ? this.#room.newId(taken) : super.newPeerId(taken);
  }

  #remoteJoined(id: number): void {
    this.#format.joined(this.#room, id);
    this[SESSION].signals?.emit('peer_connected', id);
  }

  #remoteLeft(id: number): void {
    this.#format.farewell(this.#room, id);
    this[SESSION].signals?.emit('peer_disconnected', id);
  }

  #startMultiplayer(enabled: boolean): void {
    this.#multiplayer = enabled;
    this.#format = serverWire(this.wire);
  }
}

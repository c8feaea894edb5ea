import {
  CloseCode,
  CloseReason,
  ConnectionStatus,
  ErrorCode,
  type PeerObserver,
  State,
  type WebSocketPeer,
} from '@wspeer/core';
import { TARGET_PEER_SERVER, type Wire } from './constants.js';
import type { MultiplayerSession } from './multiplayer-session.js';
import type { ClientLink, ClientWire } from './wire.js';
import { clientWire } from './wire-formats.js';

/**
 * `policy[CONNECTION]`: the class of the connections of a client whose reconnect policy brings its
 * own (`Resume`: `ResumableConnection`); a client without one uses `MultiplayerConnection`.
 * A symbol so clients can ask for it without importing that code (bundles that do not use `Resume`
 * carry none of it).
 */
export const CONNECTION: unique symbol = Symbol();

/** A reconnect policy, which may bring the class of its clients' connections (`Resume`). */
export interface ConnectionPolicy {
  /** The class of the connections of its clients (`undefined`: `MultiplayerConnection`). */
  readonly [CONNECTION]?: typeof MultiplayerConnection;
}

/** The class of the connections of a client whose socket has reconnect policy `policy` (`Resume`'s, or the plain one). */
export function connectionClass(policy: object | null | undefined): typeof MultiplayerConnection {
  return (policy as ConnectionPolicy | null | undefined)?.[CONNECTION] ?? MultiplayerConnection;
}

/**
 * The client side of one multiplayer connection over a socket: the server's id and the peers it
 * announces, framing through the wire and the id handshake timeout (with a `Resume`, a
 * `ResumableConnection` adds the session: see {@link CONNECTION}). Written once for Godot 3's
 * `WebSocketClient` in multiplayer mode (over its own socket, fed by its hooks) and for
 * `WebSocketMultiplayerPeer`'s client (over a bare `WebSocketPeer`), so a client built on the
 * latter carries neither Godot 3's client class nor its raw mode.
 */
export class MultiplayerConnection implements ClientLink, PeerObserver {
  /** Part of the contract of what a `WebSocketMultiplayerPeer` drives (set, never read: a client accepts no peers). */
  declare refuseNewConnections: boolean;
  readonly #peer: WebSocketPeer;
  readonly #session: MultiplayerSession;
  readonly #wire: ClientWire;
  #id = 0;
  #admitted = false;
  readonly #peers = new Set<number>();
  #timer: unknown;
  /** The URL to connect to. */
  readonly url: string;

  /** The connection of `peer` (not connected yet) to `url`, reporting through `session`, with format `wire`. */
  constructor(peer: WebSocketPeer, session: MultiplayerSession, wire: Wire, url: string) {
    this.#peer = peer;
    this.#session = session;
    this.#wire = clientWire(wire);
    this.url = url;
  }

  /** Whether the server has admitted us. */
  get admitted(): boolean {
    return this.#admitted;
  }

  /** Polls by itself as soon as something arrives. */
  set autoPoll(enabled: boolean) {
    this.#peer.autoPoll = enabled;
  }

  /** The socket opened: wait `timeout` seconds (0: no limit) for our id. */
  start(timeout: number): void {
    if (timeout > 0) this.#timer = setTimeout(() => this.#expired(), timeout * 1000);
  }

  /** Sends `buffer` to the session's target through the server. `ERR_UNCONFIGURED` until admitted. */
  putPacket(buffer: Uint8Array): ErrorCode {
    if (!this.#admitted) return ErrorCode.ERR_UNCONFIGURED;
    return this.#peer.send(this.#wire.frame(this.#id, this.#session.target, buffer));
  }

  /** Our id (0 until the server sent it). */
  getUniqueId(): number {
    return this.#id;
  }

  /** The peers the server announced (including 1, the server). */
  getPeerIds(): number[] {
    return [...this.#peers];
  }

  /** False: a client. */
  isServer(): boolean {
    return false;
  }

  /** Only id 1 (the server) has a socket. */
  getPeer(id: number): WebSocketPeer | null {
    return id === TARGET_PEER_SERVER ? this.#peer : null;
  }

  /** Connecting until the server gave us an id. */
  getConnectionStatus(): ConnectionStatus {
    const state = this.#peer.readyState;
    if (state === State.OPEN)
      return this.#admitted ? ConnectionStatus.CONNECTION_CONNECTED : ConnectionStatus.CONNECTION_CONNECTING;
    return state === State.CONNECTING
      ? ConnectionStatus.CONNECTION_CONNECTING
      : ConnectionStatus.CONNECTION_DISCONNECTED;
  }

  /** Applies what arrived. */
  poll(): void {
    this.#peer.poll();
  }

  /** Disconnects from the server (only id 1 exists on a client); `force` drops at once. */
  disconnectPeer(id: number, force = false): void {
    if (id === TARGET_PEER_SERVER) this.#peer.close(force ? CloseCode.UNCLEAN : CloseCode.NORMAL);
  }

  /** Closes the connection gracefully with `code` and `reason` (also {@link ClientLink}'s: the server broke the protocol). */
  stop(code: number, reason: string): void {
    this.#peer.close(code, reason);
  }

  /** Drops the connection at once and forgets every peer, without signals. */
  close(): void {
    this.#peer.close(-1);
    this.reset();
  }

  /** {@link PeerObserver}: nothing to do (a bare socket's observer, see `onPeerPacket`). */
  onPeerActivity(): void {}

  /** {@link PeerObserver}: the socket opened; the server's id admits us (see `start`). */
  onPeerOpen(): void {}

  /** {@link PeerObserver}: the server starts closing; `onPeerClosed` follows. */
  onPeerCloseRequest(): void {}

  /** One message from the server arrived on the socket (as its {@link PeerObserver}, or from Godot 3's client). */
  onPeerPacket(): void {
    this.#wire.receive(this, this.#peer.getPacket());
  }

  /** The socket closed (or never opened): the session is over, its peers and then the server leave (or it failed). */
  onPeerClosed(): void {
    const wasAdmitted = this.#admitted;
    const peers = [...this.#peers];
    this.reset();
    for (const id of peers) this.#session.signals?.emit('peer_disconnected', id);
    this.#session.signals?.emit(wasAdmitted ? 'server_disconnected' : 'connection_failed');
  }

  /** A new connection replaces this one: a `ResumableConnection` ends its session (nothing to end here). */
  endResume?(): void;

  /** Forgets our id, the peers and the packets received, without signals. */
  reset(): void {
    clearTimeout(this.#timer);
    this.#id = 0;
    this.#admitted = false;
    this.#peers.clear();
    this.#session.inbox.clear();
  }

  /** {@link ClientLink}: a packet from `sender` for us. */
  store(packet: Uint8Array, sender: number): void {
    this.#session.store(packet, sender);
  }

  /** {@link ClientLink}: the server told us our id. */
  setUniqueId(id: number): void {
    this.#id = id;
  }

  /** {@link ClientLink}: peer `id` joined (1, the server, admits us). */
  addPeer(id: number): void {
    if (this.#peers.has(id)) return;
    this.#peers.add(id);
    if (id === TARGET_PEER_SERVER) {
      this.#admitted = true;
      clearTimeout(this.#timer);
    }
    this.#session.signals?.emit('peer_connected', id);
    if (id === TARGET_PEER_SERVER) this.#session.signals?.emit('connection_succeeded');
  }

  /** {@link ClientLink}: peer `id` left. */
  removePeer(id: number): void {
    if (this.#peers.delete(id)) this.#session.signals?.emit('peer_disconnected', id);
  }

  #expired(): void {
    if (!this.#admitted) this.#peer.close(-1, CloseReason.HANDSHAKE_TIMEOUT);
  }
}

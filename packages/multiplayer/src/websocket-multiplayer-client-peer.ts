import {
  assignSettings,
  type ClientTlsOptions,
  CloseCode,
  ConnectionStatus,
  type DebugTrace,
  ErrorCode,
  notInBrowsers,
  OBSERVE,
  PEER_DEFAULTS,
  type Reconnect,
  type ServerTlsOptions,
  SignalEmitter,
  type TransportConnector,
  WebSocketPeer,
} from '@wspeer/core';
import type { Wire } from './constants.js';
import { connectionClass, type MultiplayerConnection } from './multiplayer-connection.js';
import type { MultiplayerPeer, MultiplayerPeerEvents } from './multiplayer-peer.js';
import type { WebSocketServer } from './multiplayer-server.js';
import { MultiplayerSession, SESSION } from './multiplayer-session.js';
import { withPacketSide } from './packet-side.js';
import type { MultiplayerServerStart, WebSocketMultiplayerPeerOptions } from './websocket-multiplayer-peer.js';

/** The defaults of the settings a multiplayer peer keeps (and passes on to its sockets). */
const DEFAULTS = { wire: 'godot3', ...PEER_DEFAULTS };

/** Starts the server side of a peer: `ERR_UNAVAILABLE` in {@link WebSocketMultiplayerClientPeer}; overridden by the full class. */
export const START_SERVER: unique symbol = Symbol();
/** Makes a started server the one a peer drives. */
export const SERVE: unique symbol = Symbol();

/**
 * Godot 4's `WebSocketMultiplayerPeer` without its server side: what browsers get (they cannot listen;
 * `createServer` returns `ERR_UNAVAILABLE`). {@link WebSocketMultiplayerPeer} adds the server side
 * (`attachServer`, `listening`, `stats`, the server-only settings), so client bundles carry none of it.
 */
export class WebSocketMultiplayerClientPeer
  extends withPacketSide(SignalEmitter<MultiplayerPeerEvents>)
  implements MultiplayerPeer
{
  /** Wire format for the next `createServer`/`createClient`. */
  declare wire: Wire;
  /** Client: protocols to request; server: protocols to accept. */
  declare supportedProtocols: string[];
  /** Extra handshake header lines. */
  declare handshakeHeaders: string[];
  /** Seconds for a client to finish the handshake and get its id. */
  declare handshakeTimeout: number;
  /** Per-socket inbound limit. */
  declare inboundBufferSize: number;
  /** Per-socket outbound limit. */
  declare outboundBufferSize: number;
  /** Per-socket queued packet limit. */
  declare maxQueuedPackets: number;
  /** Heartbeat in seconds for the next `createServer`/`createClient` (0 = off). */
  declare heartbeatInterval: number;
  /** Where the sockets this peer opens report their events (`null`: nowhere); read at `createServer`/`createClient`. */
  declare debug: DebugTrace | null;
  /** Client: the `Reconnect` or `Resume` for the next `createClient` (`null`: none). */
  declare reconnect: Reconnect | null;
  /** The packet side and signals, shared with the client or server this peer drives. */
  declare [SESSION]: MultiplayerSession;
  readonly #connector: TransportConnector | undefined;
  #auto: boolean;
  #refuse = false;
  #impl: WebSocketServer | MultiplayerConnection | null = null;

  constructor(options: WebSocketMultiplayerPeerOptions = {}) {
    super();
    this.#connector = options.connect;
    this[SESSION] = new MultiplayerSession(this, options.log);
    this.supportedProtocols = [...(options.supportedProtocols ?? [])];
    this.handshakeHeaders = [...(options.handshakeHeaders ?? [])];
    assignSettings(this, options, DEFAULTS);
    this.#auto = options.autoPoll ?? false;
  }

  /** Poll by itself as soon as anything arrives. */
  get autoPoll(): boolean {
    return this.#auto;
  }

  set autoPoll(enabled: boolean) {
    this.#auto = enabled;
    if (this.#impl !== null) this.#impl.autoPoll = enabled;
  }

  /** Server: refuse new clients while true. */
  get refuseNewConnections(): boolean {
    return this.#refuse;
  }

  set refuseNewConnections(refuse: boolean) {
    this.#refuse = refuse;
    if (this.#impl !== null) this.#impl.refuseNewConnections = refuse;
  }

  /**
   * Starts a server on `port` (0 = any free port). `OK`, `ERR_ALREADY_IN_USE` unless
   * disconnected, `ERR_UNAVAILABLE` without a listener (browsers). Bind errors reach `listening()`.
   */
  createServer(port: number, bindAddress = '*', tls?: ServerTlsOptions): ErrorCode {
    return this[START_SERVER]({ port, bindAddress, tls });
  }

  /** Connects to a server. `OK` (now connecting), `ERR_ALREADY_IN_USE`, `ERR_INVALID_PARAMETER`. */
  createClient(url: string, tls?: ClientTlsOptions): ErrorCode {
    if (this.getConnectionStatus() !== ConnectionStatus.CONNECTION_DISCONNECTED) return ErrorCode.ERR_ALREADY_IN_USE;
    // Our settings are the socket's options of the same names (buffer sizes, protocols, `debug`,
    // `reconnect`...): our own enumerable properties; the server-only ones are not read by a socket.
    // A client by itself, not Godot 3's `WebSocketClient`: no raw mode, no second set of signals.
    const socket = new WebSocketPeer({
      ...this,
      autoPoll: this.#auto,
      connect: this.#connector,
      tls: { ...tls, verify: tls?.verify ?? true },
    });
    const full = typeof url === 'string' && url !== '' && !url.includes('://') ? `ws://${url}` : url;
    const client = new (connectionClass(socket.reconnect))(socket, this[SESSION], this.wire, full);
    socket[OBSERVE](client);
    const err = socket.connectToUrl(client.url);
    if (err !== ErrorCode.OK) return err;
    client.start(this.handshakeTimeout);
    this.#impl = client;
    return err;
  }

  /** The socket of peer `id` (server: a client; client: only 1), or `null` (also for a client of another server in a cluster). */
  getPeer(id: number): WebSocketPeer | null {
    return this.#impl?.getPeer(id) ?? null;
  }

  /** The ids of the peers connected now (server: its clients; client: 1 and the clients the server announced). */
  getPeerIds(): number[] {
    return this.#impl?.getPeerIds() ?? [];
  }

  /** IP address of peer `id`. */
  getPeerAddress(id: number): string {
    return this.getPeer(id)?.getConnectedHost() ?? '';
  }

  /** Port of peer `id`. */
  getPeerPort(id: number): number {
    return this.getPeer(id)?.getConnectedPort() ?? 0;
  }

  /** Applies what arrived; signals fire from here. */
  poll(): void {
    this.#impl?.poll();
  }

  /** Sends to the target peer. `ERR_UNCONFIGURED` unless connected. */
  putPacket(buffer: Uint8Array): ErrorCode {
    return this.#impl?.putPacket(buffer) ?? ErrorCode.ERR_UNCONFIGURED;
  }

  /** 1 for a server, the id the server gave us for a client, 0 before. */
  getUniqueId(): number {
    return this.#impl?.getUniqueId() ?? 0;
  }

  /** Whether this peer is a server. */
  isServer(): boolean {
    return this.#impl?.isServer() ?? false;
  }

  /** Disconnected, connecting or connected. */
  getConnectionStatus(): ConnectionStatus {
    return this.#impl?.getConnectionStatus() ?? ConnectionStatus.CONNECTION_DISCONNECTED;
  }

  /** Disconnects peer `id`; `force` forgets it at once without `peer_disconnected`. */
  disconnectPeer(id: number, force = false): void {
    this.#impl?.disconnectPeer(id, force);
  }

  /** Drops everything at once; no `peer_disconnected` signals. */
  close(): void {
    this.#detach()?.close();
  }

  /**
   * Ends the session gracefully (not in Godot): a server closes every client with `code` and
   * `reason` and stops listening; a client closes its connection with them. Like `close()`, no
   * `peer_disconnected` signals follow.
   */
  stop(code: number = CloseCode.GOING_AWAY, reason = 'Going away'): void {
    this.#detach()?.stop(code, reason);
  }

  /** Starts the server side as `start` says; here (no server side): `ERR_UNAVAILABLE` unless busy. */
  [START_SERVER](_start: MultiplayerServerStart): ErrorCode {
    if (this.getConnectionStatus() !== ConnectionStatus.CONNECTION_DISCONNECTED) return ErrorCode.ERR_ALREADY_IN_USE;
    notInBrowsers('createServer');
    return ErrorCode.ERR_UNAVAILABLE;
  }

  /** Makes `server` (started) the one this peer drives. */
  [SERVE](server: WebSocketServer): void {
    this.#impl = server;
  }

  /**
   * Forgets the current client or server and returns it. Its session is muted (nothing it does
   * later reaches our signals) and we go on with a fresh one (same target, empty inbox).
   */
  #detach(): WebSocketServer | MultiplayerConnection | null {
    const impl = this.#impl;
    if (impl === null) return null;
    this.#impl = null;
    const session = this[SESSION];
    this[SESSION] = session.successor();
    session.mute();
    return impl;
  }
}

import {
  type ClientTlsOptions,
  CloseCode,
  ConnectionStatus,
  DEFAULT_MAX_BYTES_PER_SECOND,
  DEFAULT_MAX_MESSAGES_PER_SECOND,
  type DebugTrace,
  ErrorCode,
  type RateLimitPolicy,
  type Reconnect,
  type ServerStats,
  type ServerTlsOptions,
  SignalEmitter,
  type TransportConnector,
  WaiterList,
  type WaitOptions,
  WebSocketError,
  type WebSocketPeer,
  warnOnce,
} from '@wspeer/core';
import type { Wire } from './constants.js';
import { WebSocketClient } from './multiplayer-client.js';
import type { MultiplayerPeer, MultiplayerPeerEvents } from './multiplayer-peer.js';
import type { WebSocketServer } from './multiplayer-server.js';
import { MultiplayerSession, SESSION } from './multiplayer-session.js';
import { withPacketSide } from './packet-side.js';
import type { RoomFactory } from './wire.js';

/** What `createServer` (a port, a bind address, TLS) or `attachServer` (an HTTP(S) server, a path) asked for. */
export type MultiplayerServerStart =
  | {
      /** The port to listen on (0 = any free port). */
      port: number;
      /** The address to bind (`'*'`: every interface). */
      bindAddress: string;
      /** Key and certificate for `wss://`, if any. */
      tls: ServerTlsOptions | undefined;
    }
  | {
      /** The Node HTTP(S) server whose upgrades to take. */
      httpServer: unknown;
      /** The only path to take upgrades on (every path if `undefined`). */
      path: string | undefined;
    };

/**
 * Makes and starts the server side of a {@link WebSocketMultiplayerPeer}: a server configured from
 * `peer`'s settings, sharing its `session`, started as `start` says; the started server, or the
 * `ErrorCode` of a start that failed. Injected (the Node entry of `wspeer/multiplayer` passes
 * `multiplayerServer(createNodeListener)`) so that browser bundles, which cannot listen, carry no
 * server code: neither the server nor how it is configured and started.
 */
export type MultiplayerServerFactory = (
  peer: WebSocketMultiplayerPeer,
  session: MultiplayerSession,
  start: MultiplayerServerStart,
) => WebSocketServer | ErrorCode;

/** Settings of a {@link WebSocketMultiplayerPeer}; all but the factories are writable properties. */
export interface WebSocketMultiplayerPeerOptions {
  /** Opens client sockets (the `wspeer` entries pass the runtime's). */
  connect?: TransportConnector;
  /** Creates the server side (Node only; the `wspeer/multiplayer` Node entry passes one). */
  server?: MultiplayerServerFactory;
  /** `godot3` (default) or `godot4`. */
  wire?: Wire;
  /** Client: protocols to request; server: protocols to accept. */
  supportedProtocols?: readonly string[];
  /** Extra handshake header lines. */
  handshakeHeaders?: readonly string[];
  /** Seconds for a client to finish the handshake and get its id (default 3). */
  handshakeTimeout?: number;
  /** Per-socket inbound limit (default 65535). */
  inboundBufferSize?: number;
  /** Per-socket outbound limit (default 65535). */
  outboundBufferSize?: number;
  /** Per-socket queued packet limit (default 4096). */
  maxQueuedPackets?: number;
  /**
   * Heartbeat in seconds: a server pings every client (a client in Node pings the server) every
   * half interval and drops a peer that answered none for a whole interval, so a dead peer is gone
   * within two intervals. 0 = off (default). Browsers cannot ping; the server pings them.
   */
  heartbeatInterval?: number;
  /** Server: seconds a client has to answer our close frame before its socket is dropped (default 1). */
  closeTimeout?: number;
  /** Server: most messages one client may send per second (default 2,000; 0 = no limit). */
  maxMessagesPerSecond?: number;
  /** Server: most payload bytes one client may send per second (default 1 MiB; 0 = no limit). */
  maxBytesPerSecond?: number;
  /** Server: what happens to a client over its rate limits: `pause` (default), `drop` or `cut`. */
  rateLimitPolicy?: RateLimitPolicy;
  /** Poll by itself as soon as anything arrives. */
  autoPoll?: boolean;
  /** Server: where refusal warnings go (rate-limited); `null` silences them. */
  log?: ((line: string) => void) | null;
  /**
   * Server (Node): makes the room (default: this server's clients); `RedisCluster.room` of `wspeer/cluster` spans
   * servers. The `wspeer/multiplayer` Node entry hands it to the server factory.
   */
  room?: RoomFactory;
  /** Reports connection events, frames and refusals of the sockets this peer opens (see `debugLogger`). */
  debug?: DebugTrace | null;
  /**
   * Client: reconnects after a drop: a `Reconnect` starts a new session (new id) each time; a
   * `Resume` comes back with the same id and misses nothing when the server resumes (see `Resume`).
   */
  reconnect?: Reconnect | null;
  /**
   * Server: seconds a dropped `Resume` client is held with its id (default 5; 0 = resume off). Read
   * by the server factory of the Node entry at `createServer` (see `MultiplayerServerOptions`).
   */
  resumeGrace?: number;
  /** Server: most bytes kept for one resumable client (default 1 MiB; see `MultiplayerServerOptions`). */
  resumeBufferSize?: number;
}

/**
 * Godot 4's `WebSocketMultiplayerPeer`: `createServer` / `createClient`, peer ids, target peers
 * and relay, with the wire format of your choice (`godot3` by default, or `godot4`).
 */
export class WebSocketMultiplayerPeer
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
  /** Server: seconds a client has to answer our close frame. */
  declare closeTimeout: number;
  /** Server: most messages one client may send per second (0 = no limit). */
  declare maxMessagesPerSecond: number;
  /** Server: most payload bytes one client may send per second (0 = no limit). */
  declare maxBytesPerSecond: number;
  /** Server: what happens to a client over its rate limits. */
  declare rateLimitPolicy: RateLimitPolicy;
  /** Where the sockets this peer opens report their events (`null`: nowhere); read at `createServer`/`createClient`. */
  declare debug: DebugTrace | null;
  /** Client: the `Reconnect` or `Resume` for the next `createClient` (`null`: none). */
  declare reconnect: Reconnect | null;
  /** The packet side and signals, shared with the client or server this peer drives. */
  declare [SESSION]: MultiplayerSession;
  readonly #connector: TransportConnector | undefined;
  readonly #serverFactory: MultiplayerServerFactory | undefined;
  #auto: boolean;
  #refuse = false;
  #impl: WebSocketServer | WebSocketClient | null = null;
  /** The server, while serving (then the same object as `#impl`). */
  #server: WebSocketServer | null = null;
  /** Pending `connected()` promises (created by the first call). */
  #waits: WaiterList<WebSocketMultiplayerPeer> | null = null;
  /** While settling them: `null` on success, the error on failure; otherwise `undefined` (keep waiting). */
  #outcome: WebSocketError | null | undefined;

  constructor(options: WebSocketMultiplayerPeerOptions = {}) {
    super();
    this.#connector = options.connect;
    this.#serverFactory = options.server;
    this[SESSION] = new MultiplayerSession(this, options.log);
    this.wire = options.wire ?? 'godot3';
    this.supportedProtocols = [...(options.supportedProtocols ?? [])];
    this.handshakeHeaders = [...(options.handshakeHeaders ?? [])];
    this.handshakeTimeout = options.handshakeTimeout ?? 3;
    this.inboundBufferSize = options.inboundBufferSize ?? 65535;
    this.outboundBufferSize = options.outboundBufferSize ?? 65535;
    this.maxQueuedPackets = options.maxQueuedPackets ?? 4096;
    this.heartbeatInterval = options.heartbeatInterval ?? 0;
    this.closeTimeout = options.closeTimeout ?? 1;
    this.maxMessagesPerSecond = options.maxMessagesPerSecond ?? DEFAULT_MAX_MESSAGES_PER_SECOND;
    this.maxBytesPerSecond = options.maxBytesPerSecond ?? DEFAULT_MAX_BYTES_PER_SECOND;
    this.rateLimitPolicy = options.rateLimitPolicy ?? 'pause';
    this.debug = options.debug ?? null;
    this.reconnect = options.reconnect ?? null;
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
    return this.#startServer({ port, bindAddress, tls });
  }

  /** Starts a server on an existing Node HTTP(S) server, for upgrades on `path` (every path if omitted). */
  attachServer(httpServer: unknown, path?: string): ErrorCode {
    return this.#startServer({ httpServer, path });
  }

  /** Connects to a server. `OK` (now connecting), `ERR_ALREADY_IN_USE`, `ERR_INVALID_PARAMETER`. */
  createClient(url: string, tls?: ClientTlsOptions): ErrorCode {
    if (this.getConnectionStatus() !== ConnectionStatus.CONNECTION_DISCONNECTED) return ErrorCode.ERR_ALREADY_IN_USE;
    // Our settings are the client's options of the same names (`wire`, buffer sizes, `debug`,
    // `reconnect`...): our own enumerable properties; the server-only ones are not read by a client.
    const client = new WebSocketClient(
      {
        ...this,
        autoPoll: this.#auto,
        connect: this.#connector,
        tls,
        verifySsl: tls?.verify,
      },
      this[SESSION],
    );
    const err = client.connectToUrl(url, this.supportedProtocols, true, this.handshakeHeaders);
    if (err === ErrorCode.OK) this.#use(client, null);
    return err;
  }

  /**
   * Server: resolves with the bound port; rejects when binding failed (the message names the port
   * and the cause) or this is not a server. Takes a timeout in ms or `{ timeoutMs, signal }`.
   */
  listening(options: WaitOptions | number = 0): Promise<number> {
    return (
      this.#server?.listening(options) ??
      Promise.reject(new WebSocketError(ErrorCode.ERR_UNCONFIGURED, 'ERR_UNCONFIGURED: not a server'))
    );
  }

  /**
   * Client: resolves with our id once the server gave us one; rejects with a `WebSocketError` if
   * that fails (the message says why when the runtime tells). Takes a timeout in ms or
   * `{ timeoutMs, signal }` (the signal's abort rejects with its reason).
   */
  connected(options: WaitOptions | number = 0): Promise<number> {
    if (this.getConnectionStatus() === ConnectionStatus.CONNECTION_CONNECTED)
      return Promise.resolve(this.getUniqueId());
    if (this.#waits === null) {
      // One pair of listeners for every pending `connected()`, settled through core's WaiterList
      // (its timeout and abort handling), not a closure set per call.
      const waits = new WaiterList<WebSocketMultiplayerPeer>();
      const settle = (outcome: WebSocketError | null): void => {
        this.#outcome = outcome;
        waits.settle(this);
        this.#outcome = undefined;
      };
      this.#waits = waits;
      this.on('connection_succeeded', () => settle(null));
      this.on('connection_failed', () => {
        const reason = this.#impl === null ? '' : (this.#impl as WebSocketClient).getPeer(1)?.lastErrorMessage;
        const why = `ERR_CANT_CONNECT: connection failed${reason ? ` (${reason})` : ''}`;
        settle(new WebSocketError(ErrorCode.ERR_CANT_CONNECT, why));
      });
    }
    return this.#waits.wait<number>(this, 'an id', options, (peer) =>
      peer.#outcome === null ? peer.getUniqueId() : peer.#outcome,
    );
  }

  /** Server: what the server has seen (clients, traffic, refusals, cuts; see `ServerStats`); `null` unless serving. */
  stats(): ServerStats | null {
    return this.#server?.stats() ?? null;
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
    return this.#server !== null;
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
    const server = this.#server;
    const impl = this.#detach();
    if (server !== null) server.stop(code, reason);
    else (impl as WebSocketClient | null)?.disconnectFromHost(code, reason);
  }

  #startServer(start: MultiplayerServerStart): ErrorCode {
    if (this.getConnectionStatus() !== ConnectionStatus.CONNECTION_DISCONNECTED) return ErrorCode.ERR_ALREADY_IN_USE;
    if (this.#serverFactory === undefined) {
      warnOnce('mp-server', 'createServer needs Node (the "wspeer/multiplayer" Node entry).');
      return ErrorCode.ERR_UNAVAILABLE;
    }
    const server = this.#serverFactory(this, this[SESSION], start);
    if (typeof server === 'number') return server;
    this.#use(server, server);
    return ErrorCode.OK;
  }

  /**
   * Forgets the current client or server and returns it. Its session is muted (nothing it does
   * later reaches our signals) and we go on with a fresh one (same target, empty inbox).
   */
  #detach(): WebSocketServer | WebSocketClient | null {
    const impl = this.#impl;
    if (impl === null) return null;
    this.#impl = null;
    this.#server = null;
    const session = this[SESSION];
    this[SESSION] = session.successor();
    session.mute();
    return impl;
  }

  #use(impl: WebSocketServer | WebSocketClient, server: WebSocketServer | null): void {
    this.#impl = impl;
    this.#server = server;
  }
}

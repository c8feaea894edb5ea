import {
  ConnectionStatus,
  DEFAULT_MAX_BYTES_PER_SECOND,
  DEFAULT_MAX_MESSAGES_PER_SECOND,
  type DebugTrace,
  ErrorCode,
  msg,
  type RateLimitPolicy,
  type Reconnect,
  type ServerStats,
  type ServerTlsOptions,
  type TransportConnector,
  type WaitOptions,
  WebSocketError,
} from '@wspeer/core';
import type { Wire } from './constants.js';
import type { WebSocketServer } from './multiplayer-server.js';
import { type MultiplayerSession, SESSION } from './multiplayer-session.js';
import { SERVE, START_SERVER, WebSocketMultiplayerClientPeer } from './websocket-multiplayer-client-peer.js';
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
export class WebSocketMultiplayerPeer extends WebSocketMultiplayerClientPeer {
  /** Server: seconds a client has to answer our close frame. */
  declare closeTimeout: number;
  /** Server: most messages one client may send per second (0 = no limit). */
  declare maxMessagesPerSecond: number;
  /** Server: most payload bytes one client may send per second (0 = no limit). */
  declare maxBytesPerSecond: number;
  /** Server: what happens to a client over its rate limits. */
  declare rateLimitPolicy: RateLimitPolicy;
  readonly #serverFactory: MultiplayerServerFactory | undefined;
  /** The server last started (what this peer drives while `isServer()`). */
  #server: WebSocketServer | null = null;

  constructor(options: WebSocketMultiplayerPeerOptions = {}) {
    super(options);
    this.#serverFactory = options.server;
    this.closeTimeout = options.closeTimeout ?? 1;
    this.maxMessagesPerSecond = options.maxMessagesPerSecond ?? DEFAULT_MAX_MESSAGES_PER_SECOND;
    this.maxBytesPerSecond = options.maxBytesPerSecond ?? DEFAULT_MAX_BYTES_PER_SECOND;
    this.rateLimitPolicy = options.rateLimitPolicy ?? 'pause';
  }

  /** Starts a server on an existing Node HTTP(S) server, for upgrades on `path` (every path if omitted). */
  attachServer(httpServer: unknown, path?: string): ErrorCode {
    return this[START_SERVER]({ httpServer, path });
  }

  /**
   * Server: resolves with the bound port; rejects when binding failed (the message names the port
   * and the cause) or this is not a server. Takes a timeout in ms or `{ timeoutMs, signal }`.
   */
  listening(options: WaitOptions | number = 0): Promise<number> {
    return (
      this.#serving()?.listening(options) ??
      Promise.reject(new WebSocketError(ErrorCode.ERR_UNCONFIGURED, msg`ERR_UNCONFIGURED: not a server`))
    );
  }

  /** Server: what the server has seen (clients, traffic, refusals, cuts; see `ServerStats`); `null` unless serving. */
  stats(): ServerStats | null {
    return this.#serving()?.stats() ?? null;
  }

  /** Starts the server side with the injected factory (`ERR_UNAVAILABLE` without one, e.g. in browsers). */
  override [START_SERVER](start: MultiplayerServerStart): ErrorCode {
    const factory = this.#serverFactory;
    if (factory === undefined || this.getConnectionStatus() !== ConnectionStatus.CONNECTION_DISCONNECTED)
      return super[START_SERVER](start);
    const server = factory(this, this[SESSION], start);
    if (typeof server === 'number') return server;
    this.#server = server;
    this[SERVE](server);
    return ErrorCode.OK;
  }

  /** The server, while serving (a closed one is let go). */
  #serving(): WebSocketServer | null {
    if (!this.isServer()) this.#server = null;
    return this.#server;
  }
}

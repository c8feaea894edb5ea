import { AutoPoll } from './auto-poll.js';
import { checkPort } from './check-port.js';
import type {
  ConnectionListener,
  ListenerEvents,
  ListenerFactory,
  ListenOptions,
  PendingConnection,
  ServerTlsOptions,
} from './connection-listener.js';
import { CloseCode } from './constants/close-code.js';
import { CloseReason } from './constants/close-reason.js';
import { ConnectionStatus } from './constants/connection-status.js';
import { ErrorCode, errorName } from './constants/error-code.js';
import { State } from './constants/state.js';
import type { DebugTrace } from './debug-trace.js';
import { FullWebSocketPeer } from './full-websocket-peer.js';
import { generatePeerId } from './generate-peer-id.js';
import { GATE, OBSERVE } from './internal-keys.js';
import { type ListenFailure, listenFailure } from './listen-failure.js';
import { msg } from './msg.js';
import {
  DEFAULT_MAX_BYTES_PER_SECOND,
  DEFAULT_MAX_MESSAGES_PER_SECOND,
  type GateOwner,
  type RateLimitPolicy,
  SenderGate,
} from './sender-gate.js';
import { ServerCounters, type ServerStats } from './server-stats.js';
import { SignalEmitter } from './signal-emitter.js';
import type { WaitOptions } from './wait-options.js';
import { WaiterList } from './waiter-list.js';
import { WebSocketError } from './websocket-error.js';
import type { PeerObserver, WebSocketPeer } from './websocket-peer.js';

/** Signals of {@link WebSocketServer}, named as in Godot 3. */
export interface WebSocketServerEvents {
  /** A client finished the handshake with this subprotocol. */
  client_connected: (id: number, protocol: string) => void;
  /** A connected client is gone; `wasCleanClose` when close frames were exchanged. */
  client_disconnected: (id: number, wasCleanClose: boolean) => void;
  /** A client started closing with this code and reason. */
  client_close_request: (id: number, code: number, reason: string) => void;
  /** One message arrived from client `id`: read it with `getPeer(id).getPacket()`. */
  data_received: (id: number) => void;
  /**
   * Not in Godot: `listen` returned `OK` but binding failed later (Node binds asynchronously), e.g.
   * the port is taken. `message` names the port and the cause; `code` is `ERR_ALREADY_IN_USE`,
   * `ERR_UNAUTHORIZED`, `ERR_CANT_RESOLVE` or `ERR_CANT_CREATE`. Fires from `poll()`; with no
   * handler and no `listening()` waiting, the message is logged with `console.error` instead.
   */
  listen_failed: (message: string, code: ErrorCode) => void;
}

/** Settings of a {@link WebSocketServer}; all but `listen` are also writable properties. */
export interface WebSocketServerOptions {
  /** Creates the network listener; the `wspeer/server` entry passes the Node one. */
  listen?: ListenerFactory;
  /** Address to bind (`"*"` = all, the default). */
  bindIp?: string;
  /** TLS private key (PEM); with `sslCertificate` the server speaks `wss://`. */
  privateKey?: string | Uint8Array;
  /** TLS certificate (PEM). */
  sslCertificate?: string | Uint8Array;
  /** Extra CA chain (PEM). */
  caChain?: string | Uint8Array;
  /** Seconds a client may take to finish the handshake (default 3). */
  handshakeTimeout?: number;
  /** Refuse new connections (HTTP 503) while true. */
  refuseNewConnections?: boolean;
  /** Per-peer inbound limit in bytes (default 65535). */
  inboundBufferSize?: number;
  /** Per-peer outbound limit in bytes (default 65535). */
  outboundBufferSize?: number;
  /** Per-peer queued packet limit (default 4096). */
  maxQueuedPackets?: number;
  /** Extra response header lines for every handshake. */
  handshakeHeaders?: readonly string[];
  /**
   * Heartbeat in seconds: every client is pinged every half interval and dropped once it answered
   * none for a whole interval (a dead client is gone within two intervals). 0 = off (default).
   */
  heartbeatInterval?: number;
  /** Seconds a client has to answer our close frame before its socket is dropped (default 1). */
  closeTimeout?: number;
  /** Most messages one client may send per second (default 2,000; 0 = no limit). */
  maxMessagesPerSecond?: number;
  /** Most payload bytes one client may send per second (default 1 MiB; 0 = no limit). */
  maxBytesPerSecond?: number;
  /** What happens to a client over its rate limits: `pause` (default), `drop` or `cut`. */
  rateLimitPolicy?: RateLimitPolicy;
  /** Poll by itself as soon as anything arrives. */
  autoPoll?: boolean;
  /** Reports listening, refusals, and every client's events and frames (see `WebSocketPeerOptions.debug`). */
  debug?: DebugTrace | null;
}

/**
 * Godot 3's `WebSocketServer`: accepts clients, gives each a random id, and fires signals from
 * `poll()`. Node only (browsers cannot listen); get it from `wspeer/server`.
 */
export class WebSocketServer<
  Events extends WebSocketServerEvents = WebSocketServerEvents,
> extends SignalEmitter<Events> {
  /** Address to bind (`"*"` = all). Only read by `listen`. */
  bindIp: string;
  /** TLS private key (PEM). */
  privateKey: string | Uint8Array | undefined;
  /** TLS certificate (PEM). */
  sslCertificate: string | Uint8Array | undefined;
  /** Extra CA chain (PEM). */
  caChain: string | Uint8Array | undefined;
  /** Seconds a client may take to finish the handshake. */
  handshakeTimeout: number;
  /** Refuse new connections while true. */
  refuseNewConnections: boolean;
  /** Per-peer inbound limit in bytes. */
  inboundBufferSize: number;
  /** Per-peer outbound limit in bytes. */
  outboundBufferSize: number;
  /** Per-peer queued packet limit. */
  maxQueuedPackets: number;
  /** Extra response header lines. */
  handshakeHeaders: string[];
  /** Heartbeat in seconds (0 = off): pings every half interval, a client silent for a whole interval is dropped. */
  heartbeatInterval: number;
  /** Seconds a client has to answer our close frame before its socket is dropped. */
  closeTimeout: number;
  /** Most messages one client may send per second (0 = no limit). */
  maxMessagesPerSecond: number;
  /** Most payload bytes one client may send per second (0 = no limit). */
  maxBytesPerSecond: number;
  /** What happens to a client over its rate limits (`pause`, `drop`, `cut`). */
  rateLimitPolicy: RateLimitPolicy;
  /** Where listening, refusals and client events are reported (`null`: nowhere). See the `debug` option. */
  debug: DebugTrace | null;

  readonly #factory: ListenerFactory | undefined;
  #listener: ConnectionListener | null = null;
  #protocols: string[] = [];
  readonly #peers = new Map<number, WebSocketPeer>();
  readonly #pending = new Map<number, WebSocketPeer>();
  #dirty: WebSocketPeer[] = [];
  #spare: WebSocketPeer[] = [];
  #auto: boolean;
  readonly #autoPoll = new AutoPoll(() => this.poll());
  #heartbeatTimer: unknown;
  #nextSweepAt = 0;
  #boundPort = 0;
  #failure: ListenFailure | null = null;
  #failurePending = false;
  readonly #waiters = new WaiterList();
  readonly #counters = new ServerCounters();
  /** Clients cut or failed since the last poll's end: they left, their signals fire at the end of a poll. */
  #departed: number[] = [];
  /**
   * What a client that left (cut or failed) reports to while its socket closes: its activity still
   * gets it polled (so its own state reaches CLOSED), but none of its packets or signals reach anyone.
   */
  readonly #leaving: PeerObserver = {
    onPeerActivity: (peer) => this.#observer.onPeerActivity(peer),
    onPeerOpen() {},
    onPeerPacket() {},
    onPeerCloseRequest() {},
    onPeerClosed() {},
  };
  readonly #gateOwner: GateOwner;

  constructor(options: WebSocketServerOptions = {}) {
    super();
    this.#factory = options.listen;
    this.bindIp = options.bindIp ?? '*';
    this.privateKey = options.privateKey;
    this.sslCertificate = options.sslCertificate;
    this.caChain = options.caChain;
    this.handshakeTimeout = options.handshakeTimeout ?? 3;
    this.refuseNewConnections = options.refuseNewConnections ?? false;
    this.inboundBufferSize = options.inboundBufferSize ?? 65535;
    this.outboundBufferSize = options.outboundBufferSize ?? 65535;
    this.maxQueuedPackets = options.maxQueuedPackets ?? 4096;
    this.handshakeHeaders = [...(options.handshakeHeaders ?? [])];
    this.heartbeatInterval = options.heartbeatInterval ?? 0;
    this.closeTimeout = options.closeTimeout ?? 1;
    this.maxMessagesPerSecond = options.maxMessagesPerSecond ?? DEFAULT_MAX_MESSAGES_PER_SECOND;
    this.maxBytesPerSecond = options.maxBytesPerSecond ?? DEFAULT_MAX_BYTES_PER_SECOND;
    this.rateLimitPolicy = options.rateLimitPolicy ?? 'pause';
    this.debug = options.debug ?? null;
    this.#auto = options.autoPoll ?? false;
    this.#gateOwner = {
      limits: this,
      counters: this.#counters,
      cut: (peer) => this.#cut(peer, CloseCode.POLICY_VIOLATION, CloseReason.RATE_LIMIT, 'rate-limit'),
      failed: (peer, code, reason) => {
        this.#depart(peer, failureCause(code, reason));
        peer[GATE]?.cut();
      },
    };
  }

  /** Polls by itself as soon as anything arrives (no game loop needed). */
  get autoPoll(): boolean {
    return this.#auto;
  }

  /** Sets `autoPoll` (see the getter). */
  set autoPoll(enabled: boolean) {
    this.#auto = enabled;
    if (enabled && this.#dirty.length > 0) this.#autoPoll.request();
    this.#updateTimer();
  }

  /** The bound port once listening (useful after `listen(0)`), else 0. */
  get port(): number {
    return this.#boundPort;
  }

  /**
   * Starts listening on `port` (0 = any free port) accepting clients that ask for one of
   * `protocols` (Godot's rule: the first protocol in the client's list that is also here).
   * Returns `OK`, `ERR_ALREADY_IN_USE` if already listening, or `ERR_INVALID_PARAMETER` for a port
   * that is not an integer from 0 to 65535 (see `lastErrorMessage`). Node binds asynchronously: a
   * bind failure (port taken...) comes later as `listen_failed`, a `listening()` rejection and
   * `lastErrorMessage`.
   */
  listen(port: number, protocols: readonly string[] = []): ErrorCode {
    if (this.#listener !== null) return ErrorCode.ERR_ALREADY_IN_USE;
    const invalid = checkPort(port);
    if (invalid !== '') return this.#invalid(invalid);
    return this.#start({ port }, protocols);
  }

  /**
   * Serves WebSocket upgrades on an existing Node `http`/`https` server, only for `path` when
   * given (other paths are left to other handlers). Same results as `listen`.
   */
  attach(server: unknown, options: { path?: string; protocols?: readonly string[] } = {}): ErrorCode {
    return this.#start(
      { port: 0, server, ...(options.path === undefined ? {} : { path: options.path }) },
      options.protocols ?? [],
    );
  }

  /**
   * Resolves with the bound port once listening; rejects with a `WebSocketError` if binding failed
   * (its message names the port and the cause). Takes a timeout in ms or `{ timeoutMs, signal }`.
   */
  listening(options: WaitOptions | number = 0): Promise<number> {
    return this.#waiters.wait<number>(msg`the server to listen`, options, () => {
      if (this.#boundPort !== 0) return this.#boundPort;
      if (this.#listener !== null) return undefined;
      const failure = this.#failure;
      if (failure === null) return new WebSocketError(ErrorCode.ERR_UNCONFIGURED, msg`ERR_UNCONFIGURED: not listening`);
      return new WebSocketError(failure.code, `${errorName(failure.code)}: ${failure.message}`);
    });
  }

  /** Why the last `listen` or `attach` failed (`""` if it did not): names the port and the cause. */
  get lastErrorMessage(): string {
    return this.#failure?.message ?? '';
  }

  /** Whether `listen`/`attach` succeeded and `stop` was not called. */
  isListening(): boolean {
    return this.#listener !== null;
  }

  /** Connected while listening, as Godot's `get_connection_status()`. */
  getConnectionStatus(): ConnectionStatus {
    return this.#listener === null ? ConnectionStatus.CONNECTION_DISCONNECTED : ConnectionStatus.CONNECTION_CONNECTED;
  }

  /**
   * Stops listening and closes every client with `code` (default 1001 "Server stopped"); no
   * `client_disconnected` signals follow, as in Godot.
   */
  stop(code: number = CloseCode.GOING_AWAY, reason: string = CloseReason.SERVER_STOPPED): void {
    for (const peer of [...this.#peers.values(), ...this.#pending.values()]) {
      peer[OBSERVE](null);
      if (peer.close(code, reason) !== ErrorCode.OK) peer.close(-1);
    }
    this.#peers.clear();
    this.#pending.clear();
    this.#dirty = [];
    this.#departed = [];
    this.#listener?.close();
    this.#listener = null;
    this.#boundPort = 0;
    this.#updateTimer();
  }

  /** Whether client `id` is connected. */
  hasPeer(id: number): boolean {
    return this.#peers.has(id);
  }

  /** The connection of client `id`, or `null`. */
  getPeer(id: number): WebSocketPeer | null {
    return this.#peers.get(id) ?? null;
  }

  /** Ids of the connected clients. */
  getPeerIds(): number[] {
    return [...this.#peers.keys()];
  }

  /** Client `id`'s IP address (`""` if unknown). */
  getPeerAddress(id: number): string {
    return this.#peers.get(id)?.getConnectedHost() ?? '';
  }

  /** Client `id`'s port (0 if unknown). */
  getPeerPort(id: number): number {
    return this.#peers.get(id)?.getConnectedPort() ?? 0;
  }

  /**
   * Closes client `id` with `code` and `reason` (a negative code drops it at once).
   * `ERR_DOES_NOT_EXIST` for an unknown id, `ERR_INVALID_PARAMETER` for a bad code or reason.
   */
  disconnectPeer(id: number, code: number = CloseCode.NORMAL, reason = ''): ErrorCode {
    const peer = this.#peers.get(id);
    if (peer === undefined) return ErrorCode.ERR_DOES_NOT_EXIST;
    return peer.close(code, reason);
  }

  /**
   * Cuts client `id` at once (not in Godot): it leaves now, so nothing more it sends is read or
   * relayed and its `client_disconnected(id, false)` (multiplayer: `peer_disconnected`) fires at the
   * end of this poll or the next; a close frame with `code` and `reason` goes out and the socket is
   * dropped after `closeTimeout`. Counted in `stats().cut[cause]` (`null`: not counted).
   * `ERR_DOES_NOT_EXIST` for an unknown id.
   */
  cutPeer(
    id: number,
    code: number = CloseCode.POLICY_VIOLATION,
    reason = '',
    cause: string | null = 'kicked',
  ): ErrorCode {
    const peer = this.#peers.get(id);
    if (peer === undefined) return ErrorCode.ERR_DOES_NOT_EXIST;
    this.#cut(peer, code, reason, cause);
    return ErrorCode.OK;
  }

  /** What this server has seen: clients, traffic, refusals by kind, cuts by cause, queue high-water marks. */
  stats(): ServerStats {
    return this.#counters.snapshot(this.#peers.size, this.#pending.size);
  }

  /** Applies what arrived from every client that had activity, firing signals. */
  poll(): void {
    if (this.#failurePending) {
      this.#failurePending = false;
      const failure = this.#failure as ListenFailure;
      this.signals.emit('listen_failed', failure.message, failure.code);
    }
    const list = this.#dirty;
    this.#dirty = this.#spare;
    for (let i = 0; i < list.length; i++) (list[i] as WebSocketPeer).poll();
    list.length = 0;
    this.#spare = list;
    if (this.heartbeatInterval > 0) this.#sweepHeartbeats();
    while (this.#departed.length > 0) {
      const gone = this.#departed;
      this.#departed = [];
      for (const id of gone) this.peerDisconnected(id, false, true);
    }
  }

  /** How each client's peer reaches this server (kept off the public members). */
  readonly #observer: PeerObserver = {
    onPeerActivity: (peer) => {
      this.#dirty.push(peer);
      if (this.#auto) this.#autoPoll.request();
    },
    onPeerOpen: (peer, protocol) => {
      const id = peer.peerId;
      this.#pending.delete(id);
      this.#peers.set(id, peer);
      if (this.#peers.size > this.#counters.peersHighWater) this.#counters.peersHighWater = this.#peers.size;
      this.peerConnected(id, peer, protocol);
    },
    onPeerPacket: (peer) => {
      const queued = peer.getAvailablePacketCount();
      if (queued > this.#counters.inboundQueueHighWater) this.#counters.inboundQueueHighWater = queued;
      this.peerPacket(peer.peerId, peer);
    },
    onPeerCloseRequest: (peer, code, reason) => this.signals.emit('client_close_request', peer.peerId, code, reason),
    onPeerClosed: (peer, wasClean, wasOpen) => {
      const id = peer.peerId;
      this.#pending.delete(id);
      if (this.#peers.get(id) !== peer) return;
      this.#peers.delete(id);
      if (peer.closeReason === CloseReason.HEARTBEAT_TIMEOUT) this.#counters.cut.count('heartbeat');
      if (wasOpen) this.peerDisconnected(id, wasClean, false);
    },
  };

  /** Signals with the base event map (subclasses widen `Events`). */
  protected get signals(): SignalEmitter<WebSocketServerEvents> {
    return this as unknown as SignalEmitter<WebSocketServerEvents>;
  }

  /** A client finished its handshake; raw mode fires `client_connected`. */
  protected peerConnected(id: number, _peer: WebSocketPeer, protocol: string): void {
    this.signals.emit('client_connected', id, protocol);
  }

  /** One packet from client `id` became available; raw mode fires `data_received`. */
  protected peerPacket(id: number, _peer: WebSocketPeer): void {
    this.signals.emit('data_received', id);
  }

  /**
   * A connected client is gone (`cut`: the server cut it or it failed, see `cutPeer`; else its
   * socket closed); raw mode fires `client_disconnected`.
   */
  protected peerDisconnected(id: number, wasClean: boolean, _cut: boolean): void {
    this.signals.emit('client_disconnected', id, wasClean);
  }

  /** Whether `id` cannot be given to a new client (connected or handshaking; subclasses add their reserved ids). */
  protected peerIdTaken(id: number): boolean {
    return this.#peers.has(id) || this.#pending.has(id);
  }

  /**
   * The id a new client asking for `url` gets instead of a random one, or 0 (the default: random).
   * A subclass that reserves ids (resume) gives one back here; the client then replaces whoever has it.
   */
  protected claimPeerId(_url: string): number {
    return 0;
  }

  /** The connected clients, by id. */
  protected get connectedPeers(): ReadonlyMap<number, WebSocketPeer> {
    return this.#peers;
  }

  /**
   * The id of a new client, not `taken` by a connected or pending one: a random Godot id. A subclass
   * seam: a multiplayer server in a cluster hands out ids reserved cluster-wide.
   */
  protected newPeerId(taken: (id: number) => boolean): number {
    return generatePeerId(taken);
  }

  /**
   * Client `peer` must lose no message (a resumed session counts them): the `drop` rate-limit policy
   * holds its reading instead, as `pause` does.
   */
  protected keepEveryMessage(peer: WebSocketPeer): void {
    peer[GATE]?.keepEveryMessage();
  }

  /** Asks for a poll: with `autoPoll` one runs this turn; without, the application's next `poll()` applies it. */
  protected requestPoll(): void {
    if (this.#auto) this.#autoPoll.request();
  }

  /** Counts a refusal of `kind` in `stats().refused` (for subclasses that refuse packets, such as a relay). */
  protected countRefusal(kind: string): void {
    this.#counters.refused.count(kind);
  }

  /** Closes `peer` with `code` and `reason` and lets it leave at once (see {@link WebSocketServer.cutPeer}). */
  #cut(peer: WebSocketPeer, code: number, reason: string, cause: string | null): void {
    if (!this.#depart(peer, cause)) return;
    if (peer.close(code, reason) !== ErrorCode.OK) peer.close(CloseCode.UNCLEAN);
    // Nothing more of it is taken: stop reading, so a flood it keeps sending costs nothing.
    peer[GATE]?.cut();
  }

  /**
   * Takes `peer` out of the room now: no packet of it reaches anyone any more (it reports to
   * `#leaving` until its socket is closed), and its departure signal fires at the end of the
   * current or next poll.
   */
  #depart(peer: WebSocketPeer, cause: string | null): boolean {
    const id = peer.peerId;
    if (this.#peers.get(id) !== peer) return false;
    this.#peers.delete(id);
    peer[OBSERVE](this.#leaving);
    if (cause !== null) this.#counters.cut.count(cause);
    this.#departed.push(id);
    if (this.#auto) this.#autoPoll.request();
    return true;
  }

  #start(where: Pick<ListenOptions, 'port' | 'server' | 'path'>, protocols: readonly string[]): ErrorCode {
    if (this.#listener !== null) return ErrorCode.ERR_ALREADY_IN_USE;
    if (this.#factory === undefined) {
      throw new Error(
        msg`WebSocketServer has no listener: import { WebSocketServer } from "wspeer/server" (Node only).`,
      );
    }
    if (!Array.isArray(protocols) || protocols.some((p) => typeof p !== 'string')) {
      return this.#invalid(msg`invalid protocols ${String(protocols)}: expected an array of strings`);
    }
    this.#protocols = [...protocols];
    this.#failure = null;
    this.#failurePending = false;
    const tls = this.#tlsOptions();
    const options: ListenOptions = {
      ...where,
      bindAddress: this.bindIp,
      handshakeTimeout: this.handshakeTimeout * 1000,
      ...(tls === undefined ? {} : { tls }),
    };
    try {
      this.#listener = this.#factory(options, this.#listenerEvents(where.port));
    } catch (error) {
      // The runtime refused the arguments synchronously (an attach target that is no server...).
      return this.#invalid(error instanceof Error ? error.message : String(error));
    }
    this.#updateTimer();
    return ErrorCode.OK;
  }

  /** Records why a call's arguments were refused and returns `ERR_INVALID_PARAMETER`. */
  #invalid(message: string): ErrorCode {
    this.#failure = { code: ErrorCode.ERR_INVALID_PARAMETER, message };
    return ErrorCode.ERR_INVALID_PARAMETER;
  }

  #tlsOptions(): ServerTlsOptions | undefined {
    if (this.privateKey === undefined || this.sslCertificate === undefined) return undefined;
    return {
      key: this.privateKey,
      cert: this.sslCertificate,
      ...(this.caChain === undefined ? {} : { ca: this.caChain }),
    };
  }

  #listenerEvents(port: number): ListenerEvents {
    return {
      onConnection: (connection) => this.#accept(connection),
      onListening: (port) => {
        this.#boundPort = port;
        this.debug?.listen(port, '');
        this.#waiters.settle();
      },
      onRefused: (kind) => this.#counters.refused.count(kind),
      onListenError: (message, code) => {
        const failure = listenFailure(port, this.bindIp, message, code);
        this.#failure = failure;
        this.#listener?.close();
        this.#listener = null;
        this.#boundPort = 0;
        this.#updateTimer();
        this.debug?.listen(port, failure.message);
        if (this.signals.listenerCount('listen_failed') === 0 && this.#waiters.size === 0) {
          console.error(`[wspeer] WebSocketServer ${failure.message}`);
        }
        this.#failurePending = true;
        if (this.#auto) this.#autoPoll.request();
        this.#waiters.settle();
      },
    };
  }

  #accept(connection: PendingConnection): void {
    if (this.refuseNewConnections) {
      // The reason goes on the wire (X-WebSocket-Reject-Reason): a plain literal, never a coded message.
      this.#refuse(connection, 503, 'Refusing new connections', 'refusing');
      return;
    }
    if (connection.selectProtocol(this.#protocols) === null) {
      this.#refuse(connection, 400, 'No matching subprotocol', 'subprotocol');
      return;
    }
    const peer = new FullWebSocketPeer({
      supportedProtocols: this.#protocols,
      handshakeHeaders: this.handshakeHeaders,
      inboundBufferSize: this.inboundBufferSize,
      outboundBufferSize: this.outboundBufferSize,
      maxQueuedPackets: this.maxQueuedPackets,
      heartbeatInterval: this.heartbeatInterval,
      debug: this.debug,
    });
    peer.peerId = this.claimPeerId(connection.url) || this.newPeerId((id) => this.peerIdTaken(id));
    peer[OBSERVE](this.#observer);
    // The peer holds its gate (to hold its reading when it is cut or fails): no table per client.
    const gate = new SenderGate(this.#gateOwner, peer);
    peer[GATE] = gate;
    this.#pending.set(peer.peerId, peer);
    peer.acceptStream(gate.connection(connection, this.closeTimeout * 1000));
  }

  #refuse(connection: PendingConnection, status: number, reason: string, kind: string): void {
    this.#counters.refused.count(kind);
    this.debug?.refused(connection.url, status, reason);
    connection.reject(status, reason);
  }

  #sweepHeartbeats(): void {
    const now = performance.now();
    if (now < this.#nextSweepAt) return;
    this.#nextSweepAt = now + (this.heartbeatInterval * 1000) / 8;
    for (const peer of this.#peers.values()) {
      peer.heartbeatInterval = this.heartbeatInterval;
      if (peer.readyState === State.OPEN) peer.poll();
    }
  }

  #updateTimer(): void {
    const wanted = this.#auto && this.heartbeatInterval > 0 && this.#listener !== null;
    if (!wanted) {
      if (this.#heartbeatTimer !== undefined) clearInterval(this.#heartbeatTimer);
      this.#heartbeatTimer = undefined;
    } else if (this.#heartbeatTimer === undefined) {
      this.#heartbeatTimer = setInterval(this.#autoPoll.task, Math.max(10, (this.heartbeatInterval * 1000) / 8));
    }
  }
}

/** The `stats().cut` cause of a connection a peer fails itself. */
function failureCause(code: number, reason: string): string {
  switch (code) {
    case CloseCode.MESSAGE_TOO_BIG:
      return 'message-too-big';
    case CloseCode.INVALID_PAYLOAD:
      return 'invalid-payload';
    case CloseCode.POLICY_VIOLATION:
      return reason === CloseReason.TOO_MANY_PINGS ? 'too-many-pings' : 'policy';
    default:
      return 'protocol-error';
  }
}

import { assignSettings, PEER_DEFAULTS } from './assign-settings.js';
import { AutoPoll } from './auto-poll.js';
import { checkUrl } from './check-url.js';
import type { PendingConnection } from './connection-listener.js';
import { CloseCode, isSendableCloseCode, MAX_CLOSE_REASON_BYTES } from './constants/close-code.js';
import { CloseReason } from './constants/close-reason.js';
import { ErrorCode } from './constants/error-code.js';
import { State } from './constants/state.js';
import { WriteMode } from './constants/write-mode.js';
import type { DebugTrace } from './debug-trace.js';
import {
  BEAT,
  type BEAT_TIMER,
  GATE,
  HEADERS,
  INBOUND,
  LINK_CONTROL,
  LINK_MESSAGE,
  OBSERVE,
  OPEN,
  type PAUSED,
  PROTOCOLS,
  RECONNECT,
  TRANSPORT,
  WAITS,
} from './internal-keys.js';
import { msg } from './msg.js';
import { OutboundBatch } from './outbound-batch.js';
import { PacketQueue } from './packet-queue.js';
import { type ControlEvent, LinkEvent, type LinkTarget, PeerLink } from './peer-link.js';
import type { Reconnect } from './reconnect.js';
import type { SenderGate } from './sender-gate.js';
import type { ClientTlsOptions, Transport, TransportConnector, TransportEvents } from './transport.js';
import { decodeUtf8, encodeUtf8, utf8Length } from './utf8.js';
import type { WaiterList } from './waiter-list.js';
import { notInBrowsers } from './warn-once.js';

/** Notified by a peer's `poll()`; how `WebSocketClient`, `WebSocketServer` and multiplayer peers listen. */
export interface PeerObserver {
  /** An event arrived since the last poll (called at most once between polls, outside poll). */
  onPeerActivity(peer: WebSocketPeer): void;
  /** The handshake finished. */
  onPeerOpen(peer: WebSocketPeer, protocol: string): void;
  /** One more packet became available. */
  onPeerPacket(peer: WebSocketPeer): void;
  /** The other side started a clean close with this code and reason. */
  onPeerCloseRequest(peer: WebSocketPeer, code: number, reason: string): void;
  /** The connection ended; `wasOpen` tells a closed connection from a failed attempt. */
  onPeerClosed(peer: WebSocketPeer, wasClean: boolean, wasOpen: boolean): void;
}

/** Settings of a {@link WebSocketPeer}; every one is also a writable property. */
export interface WebSocketPeerOptions {
  /** Opens client sockets; the `wspeer` package passes the right one for the runtime. */
  connect?: TransportConnector;
  /** Client: subprotocols to request. Server: subprotocols to accept. */
  supportedProtocols?: readonly string[];
  /** Extra handshake header lines (`"Name: value"`); request headers for clients, response for servers. Not in browsers. */
  handshakeHeaders?: readonly string[];
  /** Largest inbound message and most inbound bytes queued, in bytes (default 65535). */
  inboundBufferSize?: number;
  /** Most outbound bytes queued, in bytes (default 65535). */
  outboundBufferSize?: number;
  /** Most packets queued in each direction (default 4096). */
  maxQueuedPackets?: number;
  /**
   * Heartbeat in seconds: pings go out every half interval and a peer that answers none for a whole
   * interval is dropped, so a dead peer is gone within two intervals. 0 = off (default). Node only:
   * browsers cannot ping (a server pings them and they answer).
   */
  heartbeatInterval?: number;
  /**
   * Seconds `connectToUrl` may take to open before it fails (`lastErrorMessage` "Handshake
   * timeout"; default 3, 0 = no limit). Node; browsers apply their own.
   */
  handshakeTimeout?: number;
  /** Poll automatically as soon as something arrives, for code without a game loop. */
  autoPoll?: boolean;
  /** Default TLS options for `wss://` URLs (Node only). */
  tls?: ClientTlsOptions;
  /**
   * Reports connection events, frames and refusals, for debugging (`debugLogger()` prints them).
   * Off by default; in Node, `WSPEER_DEBUG=1` turns it on for peers that do not set it (`null` keeps it off).
   */
  debug?: DebugTrace | null;
  /**
   * Client: reconnects by itself after a drop (see `Reconnect`: backoff, retry limit, `stop()`,
   * signals per attempt). While it reconnects the peer is `CONNECTING` or `CLOSED`, so `send`
   * returns `FAILED`: nothing is queued (a multiplayer `Resume` queues and replays instead).
   */
  reconnect?: Reconnect | null;
}

/** Options of one `connectToUrl` call. */
export interface ConnectToUrlOptions {
  /** TLS options for this connection (Node only), overriding the peer's `tls`. */
  tls?: ClientTlsOptions;
}

const EMPTY = new Uint8Array(0);

/**
 * Shared stand-ins for a peer's inbound queue and control list until it needs its own, so an idle
 * connection stays small. Never pushed to: the peer swaps in its own first.
 */
const NO_INBOUND = new PacketQueue();
const NO_CONTROLS: ControlEvent[] = [];

/** A peer's own copy of a list option; `undefined` (no array) when there is none or it is empty. */
function ownCopy(list: readonly string[] | undefined): string[] | undefined {
  return list?.length ? [...list] : undefined;
}

/**
 * A WebSocket connection with Godot 4's `WebSocketPeer` semantics: nothing happens behind your
 * back. Incoming messages and state changes are applied by `poll()`; `send` queues, and everything
 * queued in one event-loop turn goes out in one socket write at the end of that turn.
 *
 * This class is what every runtime runs, and what browsers get: there, `acceptStream`, the
 * heartbeat, `getConnectedHost`, `getConnectedPort` and `setNoDelay` cannot work and say so once.
 * `FullWebSocketPeer` adds them where the transport can serve, ping and tell its address (Node).
 */
export class WebSocketPeer implements LinkTarget {
  // `declare`: the constructor assigns these; no field definitions are emitted (smaller bundles).
  /** Largest inbound message and most inbound bytes queued (default 65535). */
  declare inboundBufferSize: number;
  /** Most outbound bytes queued (default 65535); a send past it returns `ERR_OUT_OF_MEMORY`. */
  declare outboundBufferSize: number;
  /** Most packets queued in each direction (default 4096). */
  declare maxQueuedPackets: number;
  /** Heartbeat in seconds (pings every half interval; dropped after a whole interval without a pong); 0 = off. Node only. */
  declare heartbeatInterval: number;
  /** Seconds `connectToUrl` may take to open (0 = no limit). Node; browsers apply their own. */
  declare handshakeTimeout: number;
  /** Default TLS options for `wss://` (Node only). */
  declare tls: ClientTlsOptions | undefined;
  /** The id a server gave this connection (0 for client connections). */
  peerId = 0;
  /** Where connection events, frames and refusals are reported (`null`: nowhere). See the `debug` option. */
  declare debug: DebugTrace | null;
  /** Client: reconnects after a drop when set (see the `reconnect` option; `null` or `undefined`: never). */
  declare reconnect: Reconnect | null | undefined;
  /** Server side: the server's gate of this client (see `SenderGate`), set by the server; absent on a client's own peer. */
  declare [GATE]: SenderGate | undefined;
  /** `supportedProtocols`: `undefined` while empty and unread (a server holds a peer per idle client). */
  declare [PROTOCOLS]: string[] | undefined;
  /** `handshakeHeaders`: `undefined` while empty and unread. */
  declare [HEADERS]: string[] | undefined;
  /** `FullWebSocketPeer`: reading is paused because the inbound queue is full. */
  declare [PAUSED]: boolean | undefined;
  /** `FullWebSocketPeer`: the timer that polls an auto-polled peer while its heartbeat runs. */
  declare [BEAT_TIMER]: unknown;
  /** The pending `opened`/`closed`/`nextMessage` promises (see `WAITS`). */
  declare [WAITS]: WaiterList | undefined;

  readonly #connector: TransportConnector | undefined;
  #link: PeerLink | null = null;
  /** The current connection's transport, or `null`. */
  [TRANSPORT]: Transport | null = null;
  #state: State = State.CLOSED;
  #code = -1;
  #reason = '';
  #protocol = '';
  #url = '';
  #writeMode: WriteMode = WriteMode.BINARY;
  /** The inbound queue (its `length` is what `getPacket` can return, `unpublished` what the next poll adds). */
  [INBOUND]: PacketQueue = NO_INBOUND;
  #controls: ControlEvent[] = NO_CONTROLS;
  /** Created on the first send: idle peers carry none. */
  #out: OutboundBatch | null = null;
  /** Created on first use: peers polled by a server never need it. */
  #autoPoll: AutoPoll | null = null;
  #auto = false;
  #active = false;
  #observer: PeerObserver | null = null;
  #packetError: ErrorCode = ErrorCode.OK;
  #closeStarted = false;
  /** The code and reason of a protocol failure: reported instead of what the close says. */
  #failure: [number, string] | null = null;
  #wasOpen = false;
  #lastError = '';

  constructor(options: WebSocketPeerOptions = {}) {
    this.#connector = options.connect;
    this[PROTOCOLS] = ownCopy(options.supportedProtocols);
    this[HEADERS] = ownCopy(options.handshakeHeaders);
    assignSettings(this, options, PEER_DEFAULTS);
    this.tls = options.tls;
    this.#auto = options.autoPoll ?? false;
  }

  /** Client: subprotocols to request. Server: subprotocols to accept. */
  get supportedProtocols(): string[] {
    this[PROTOCOLS] ??= [];
    return this[PROTOCOLS];
  }

  /** Sets `supportedProtocols` (see the getter). */
  set supportedProtocols(protocols: string[]) {
    this[PROTOCOLS] = protocols;
  }

  /** Extra handshake header lines (`"Name: value"`). Ignored (with a warning) in browsers. */
  get handshakeHeaders(): string[] {
    this[HEADERS] ??= [];
    return this[HEADERS];
  }

  /** Sets `handshakeHeaders` (see the getter). */
  set handshakeHeaders(headers: string[]) {
    this[HEADERS] = headers;
  }

  /** When true, `poll()` runs by itself as soon as anything arrives (a microtask, no timer delay). */
  get autoPoll(): boolean {
    return this.#auto;
  }

  /** Sets `autoPoll` (see the getter). */
  set autoPoll(enabled: boolean) {
    this.#auto = enabled;
    if (enabled && (this.#active || this.#controls.length > 0 || this[INBOUND].unpublished > 0)) this.#requestPoll();
  }

  /** The ready state (`State.CONNECTING`, `OPEN`, `CLOSING`, `CLOSED`). */
  get readyState(): State {
    return this.#state;
  }

  /** The close code received, or `-1` when the connection did not close cleanly. */
  get closeCode(): number {
    return this.#code;
  }

  /** The close reason received (one trailing NUL, as Godot 3 sends it, is removed). */
  get closeReason(): string {
    return this.#reason;
  }

  /** The subprotocol the server selected (`""` for none). */
  get selectedProtocol(): string {
    return this.#protocol;
  }

  /** Client: the URL given to `connectToUrl`. Server: the URL the client requested. */
  get requestedUrl(): string {
    return this.#url;
  }

  /** The last transport error message, for logs (`""` if none). */
  get lastErrorMessage(): string {
    return this.#lastError;
  }

  /** Godot's `get_ready_state()`. */
  getReadyState(): State {
    return this.#state;
  }

  /** Godot's `get_close_code()`: the code received, `-1` when not cleanly closed. */
  getCloseCode(): number {
    return this.#code;
  }

  /** Godot's `get_close_reason()`. */
  getCloseReason(): string {
    return this.#reason;
  }

  /** Godot's `get_selected_protocol()`. */
  getSelectedProtocol(): string {
    return this.#protocol;
  }

  /** Godot's `get_requested_url()`. */
  getRequestedUrl(): string {
    return this.#url;
  }

  /**
   * Starts connecting to a `ws://` or `wss://` URL. Returns `OK` (now `CONNECTING`),
   * `ERR_ALREADY_IN_USE` unless `CLOSED`, or `ERR_INVALID_PARAMETER` for a bad URL.
   */
  connectToUrl(url: string, options: ConnectToUrlOptions = {}): ErrorCode {
    const connector = this.#connector;
    if (connector === undefined) {
      throw new Error(msg`WebSocketPeer has no transport: import it from "wspeer", or pass { connect }.`);
    }
    if (this.#state !== State.CLOSED) return ErrorCode.ERR_ALREADY_IN_USE;
    if (checkUrl(url) !== ErrorCode.OK) {
      this.#lastError = msg`invalid WebSocket URL ${JSON.stringify(url)} (expected ws:// or wss://)`;
      return ErrorCode.ERR_INVALID_PARAMETER;
    }
    const settings = {
      protocols: this[PROTOCOLS] ?? [],
      headers: this[HEADERS] ?? [],
      maxMessageSize: this.inboundBufferSize,
      handshakeTimeout: this.handshakeTimeout * 1000,
      tls: options.tls ?? this.tls,
    };
    try {
      this[OPEN](url, (events) => connector(url, settings, events));
    } catch (error) {
      this.#lastError = error instanceof Error ? error.message : String(error);
      return ErrorCode.ERR_INVALID_PARAMETER;
    }
    return ErrorCode.OK;
  }

  /**
   * Server side of the upgrade (Godot's `accept_stream`): completes a pending connection with this
   * peer's `supportedProtocols` and `handshakeHeaders`. Returns `ERR_ALREADY_IN_USE` unless `CLOSED`,
   * or `ERR_INVALID_PARAMETER` (and refuses the connection) when no subprotocol matches. Browsers
   * cannot serve: `ERR_UNAVAILABLE` (`FullWebSocketPeer` serves).
   */
  acceptStream(_connection: PendingConnection): ErrorCode {
    notInBrowsers('acceptStream');
    return ErrorCode.ERR_UNAVAILABLE;
  }

  /**
   * Applies everything that arrived since the last poll: state changes, packets, close. Signals of
   * wrappers fire from here only. Also drives the heartbeat. Cheap when nothing happened.
   */
  poll(): void {
    this.#active = false;
    while (this.#controls.length > 0) {
      const controls = this.#controls;
      this.#controls = NO_CONTROLS;
      for (const event of controls) {
        this.#publishBefore(event.seq);
        this.#apply(event);
      }
    }
    this.#publishBefore(this[INBOUND].pushed);
    if (this.heartbeatInterval > 0 && this.#state === State.OPEN) this[BEAT]();
    this[WAITS]?.settle();
  }

  /** Number of packets `getPacket` can return now. */
  getAvailablePacketCount(): number {
    return this[INBOUND].length;
  }

  /**
   * Removes and returns the next packet's bytes (text frames as UTF-8). When none is available,
   * returns an empty array and `getPacketError()` is `ERR_UNAVAILABLE`. Packets that arrived
   * before a close stay readable after it.
   */
  getPacket(): Uint8Array {
    const data = this.#nextData();
    if (data === undefined) return EMPTY;
    return typeof data === 'string' ? encodeUtf8(data) : data;
  }

  /** Like `getPacket`, but text frames come back as a `string`; `null` when none is available. */
  getMessage(): Uint8Array | string | null {
    const data = this.#nextData();
    if (data === undefined) return null;
    if (this[INBOUND].lastWasText && typeof data !== 'string') return decodeUtf8(data);
    return data;
  }

  /** The error of the last `getPacket`/`getMessage`: `OK` or `ERR_UNAVAILABLE`. */
  getPacketError(): ErrorCode {
    return this.#packetError;
  }

  /** Whether the packet last returned by `getPacket` (or `getMessage`) was a text frame: call it after them. */
  wasStringPacket(): boolean {
    return this[INBOUND].lastWasText;
  }

  /**
   * Queues one message: binary, or text when `writeMode` is `WriteMode.TEXT` (then the bytes must
   * be valid UTF-8). Returns `FAILED` unless `OPEN`, `ERR_OUT_OF_MEMORY` when the outbound buffer
   * or packet limit is full (nothing queued is lost; what this turn queued is written first, so
   * only bytes the network has not taken count), `ERR_INVALID_PARAMETER` for invalid UTF-8 or a
   * `message` that is not a `Uint8Array`.
   * The peer owns `message` until the end of the current event-loop turn: copy a scratch buffer
   * you will reuse before then.
   */
  send(message: Uint8Array, writeMode: WriteMode = WriteMode.BINARY): ErrorCode {
    if (this.#state !== State.OPEN) return ErrorCode.FAILED;
    if (!(message instanceof Uint8Array)) return ErrorCode.ERR_INVALID_PARAMETER; // (Buffer is one)
    if (writeMode !== WriteMode.TEXT) return this.#enqueue(message, message.byteLength);
    const text = decodeUtf8(message, true);
    if (text === null) return ErrorCode.ERR_INVALID_PARAMETER;
    return this.#enqueue(text, message.byteLength);
  }

  /** Queues a text message. Same results as `send` (`ERR_INVALID_PARAMETER` for a non-string). */
  sendText(message: string): ErrorCode {
    if (this.#state !== State.OPEN) return ErrorCode.FAILED;
    if (typeof message !== 'string') return ErrorCode.ERR_INVALID_PARAMETER;
    return this.#enqueue(message, utf8Length(message));
  }

  /** Queues a packet in the current write mode (binary unless `setWriteMode(WriteMode.TEXT)`). */
  putPacket(buffer: Uint8Array): ErrorCode {
    return this.send(buffer, this.#writeMode);
  }

  /** Godot 3's write mode used by `putPacket` (default `WriteMode.BINARY`). */
  getWriteMode(): WriteMode {
    return this.#writeMode;
  }

  /** Sets the write mode used by `putPacket`. */
  setWriteMode(mode: WriteMode): void {
    this.#writeMode = mode;
  }

  /**
   * Closes the connection. On `OPEN` sends a close frame with `code` (1000-1003, 1007-1014 or
   * 3000-4999) and `reason` (at most 123 UTF-8 bytes), else returns `ERR_INVALID_PARAMETER`. A
   * negative code drops the connection at once without a close frame. Unread packets are
   * discarded, as in Godot (a server also discards what a client sends after that).
   */
  close(code: number = CloseCode.NORMAL, reason = ''): ErrorCode {
    if (typeof code !== 'number' || typeof reason !== 'string') return ErrorCode.ERR_INVALID_PARAMETER;
    if (code < 0 || this.#state === State.CONNECTING) {
      if (this.#state !== State.CLOSED) this.#drop(reason);
      return ErrorCode.OK;
    }
    if (this.#state !== State.OPEN) return ErrorCode.OK;
    if (!isSendableCloseCode(code) || utf8Length(reason) > MAX_CLOSE_REASON_BYTES) {
      return ErrorCode.ERR_INVALID_PARAMETER;
    }
    this.#out?.flushTurn();
    this.#closeStarted = true;
    this[INBOUND].clear();
    this.#state = State.CLOSING;
    (this[TRANSPORT] as Transport).close(code, reason);
    return ErrorCode.OK;
  }

  /** The remote IP address (`""` when not connected, and always in browsers). */
  getConnectedHost(): string {
    notInBrowsers('getConnectedHost');
    return '';
  }

  /** The remote port (`0` when not connected, and always in browsers). */
  getConnectedPort(): number {
    notInBrowsers('getConnectedPort');
    return 0;
  }

  /** Bytes queued for sending and not yet written to the network; 0 unless `OPEN`. */
  getCurrentOutboundBufferedAmount(): number {
    if (this.#state !== State.OPEN) return 0;
    return (this.#out?.bytes ?? 0) + (this[TRANSPORT] as Transport).bufferedAmount; // (OPEN: a transport)
  }

  /** Turns Nagle's algorithm off (the default) or on. `ERR_UNAVAILABLE` in browsers. */
  setNoDelay(_enabled: boolean): ErrorCode {
    if (this[TRANSPORT] === null) return ErrorCode.ERR_UNCONFIGURED;
    notInBrowsers('setNoDelay');
    return ErrorCode.ERR_UNAVAILABLE;
  }

  /** Which adapter carries this connection (`"node-ws"`, `"browser"`, ...), or `""` if none. */
  get adapter(): string {
    return this[TRANSPORT]?.adapter ?? '';
  }

  /** Whether the current (or last) connection finished its handshake. */
  get wasOpen(): boolean {
    return this.#wasOpen;
  }

  /** Lets a wrapper (client, server, multiplayer peer) observe this peer. */
  [OBSERVE](observer: PeerObserver | null): void {
    this.#observer = observer;
  }

  /** Called by the link for every message. */
  [LINK_MESSAGE](data: Uint8Array | string, isText: boolean): void {
    const size = typeof data === 'string' ? utf8Length(data) : data.byteLength;
    if (size > this.inboundBufferSize) {
      this.#fail(CloseCode.MESSAGE_TOO_BIG, CloseReason.MESSAGE_TOO_BIG);
      return;
    }
    let inbound = this[INBOUND];
    if (inbound === NO_INBOUND) {
      inbound = new PacketQueue();
      this[INBOUND] = inbound;
    }
    inbound.push(data, isText, size);
    if (!this.#active) this.#activity();
  }

  /** Called by the link for every control event. */
  [LINK_CONTROL](kind: number, text: string, code: number, wasClean: boolean): void {
    if (this.#controls === NO_CONTROLS) this.#controls = [];
    this.#controls.push({ kind, seq: this[INBOUND].pushed, text, code, wasClean });
    if (!this.#active) this.#activity();
  }

  #activity(): void {
    this.#active = true;
    if (this.#observer !== null) this.#observer.onPeerActivity(this);
    if (this.#auto) this.#requestPoll();
  }

  #requestPoll(): void {
    this.#poller().request();
  }

  #reset(url: string): void {
    this[INBOUND].clear();
    this.#controls = NO_CONTROLS;
    this.#out?.clear();
    this.#code = -1;
    this.#reason = '';
    this.#protocol = '';
    this.#url = url;
    this.#closeStarted = false;
    this.#failure = null;
    this.#wasOpen = false;
    this.#lastError = '';
    this.#packetError = ErrorCode.OK;
  }

  /**
   * Starts a connection to (client) or from (server side) `url`: `create` makes its transport,
   * reporting to the new link (through the debug trace, if any). If it throws, the peer stays `CLOSED`.
   */
  [OPEN](url: string, create: (events: TransportEvents) => Transport): void {
    this.#reset(url);
    const link = new PeerLink(this);
    const debug = this.debug;
    let transport: Transport;
    try {
      transport = create(debug === null ? link : debug.events(this, link));
      if (debug !== null) transport = debug.transport(this, transport);
    } catch (error) {
      link.dead = true;
      throw error;
    }
    this.#link = link;
    this[TRANSPORT] = transport;
    if (this.#out !== null) this.#out.transport = transport;
    this.#state = State.CONNECTING;
  }

  #nextData(): Uint8Array | string | undefined {
    const data = this[INBOUND].shift();
    if (data === undefined) {
      this.#packetError = ErrorCode.ERR_UNAVAILABLE;
      return undefined;
    }
    this.#packetError = ErrorCode.OK;
    return data;
  }

  /** Publishes the messages that arrived before event `seq`, telling the observer of each. */
  #publishBefore(seq: number): void {
    const inbound = this[INBOUND];
    const observer = this.#observer;
    if (observer === null) {
      inbound.publishBefore(seq);
      return;
    }
    while (inbound.publishOneBefore(seq)) observer.onPeerPacket(this);
  }

  #apply(event: ControlEvent): void {
    switch (event.kind) {
      case LinkEvent.OPEN:
        this.#applyOpen(event.text);
        break;
      case LinkEvent.ERROR:
        // A code: the transport fails the connection with it, and the text is the close reason to report.
        this.#lastError = event.text;
        if (event.code !== 0) this.#failure ??= [event.code, event.text];
        break;
      case LinkEvent.CLOSE:
        this.#applyClose(event.code, event.text, event.wasClean);
        break;
      case LinkEvent.DROPPED:
        this.#observer?.onPeerClosed(this, false, event.wasClean);
        break;
    }
  }

  #applyOpen(protocol: string): void {
    if (this.#state !== State.CONNECTING) return;
    this.#state = State.OPEN;
    this.#protocol = protocol;
    this.#wasOpen = true;
    this.#observer?.onPeerOpen(this, protocol);
  }

  #applyClose(code: number, reason: string, wasClean: boolean): void {
    const wasOpen = this.#wasOpen;
    this.#release();
    if (this.#failure !== null) [this.#code, this.#reason] = this.#failure;
    else if (wasClean) {
      this.#code = code;
      this.#reason = reason.endsWith('\0') ? reason.slice(0, -1) : reason;
    } else {
      this.#code = CloseCode.UNCLEAN;
      this.#reason = '';
    }
    this.#state = State.CLOSED;
    // Not closed by us (`close`, or a protocol failure): a reconnect may follow, before the observer hears.
    if (!this.#closeStarted) this.reconnect?.[RECONNECT](this, wasOpen);
    const observer = this.#observer;
    if (observer === null) return;
    if (wasClean && wasOpen && !this.#closeStarted) observer.onPeerCloseRequest(this, this.#code, this.#reason);
    observer.onPeerClosed(this, wasClean, wasOpen);
  }

  /** Fails the connection with a close frame (e.g. 1009) and reports that code locally. */
  #fail(code: number, reason: string): void {
    this.#failure ??= [code, reason];
    if (this.#closeStarted || this[TRANSPORT] === null) return;
    this.#closeStarted = true;
    this[TRANSPORT].close(code, reason);
  }

  /** Drops the connection at once (close code -1); observers hear of it in the next poll. */
  #drop(reason: string): void {
    const transport = this[TRANSPORT];
    const wasOpen = this.#wasOpen;
    this.#release();
    transport?.terminate();
    this.#state = State.CLOSED;
    this.#code = CloseCode.UNCLEAN;
    this.#reason = reason;
    this[INBOUND].clear();
    this[LINK_CONTROL](LinkEvent.DROPPED, reason, -1, wasOpen);
  }

  #release(): void {
    if (this.#link !== null) this.#link.dead = true;
    this.#link = null;
    this[TRANSPORT] = null;
    if (this.#out !== null) {
      this.#out.clear();
      this.#out.transport = null;
    }
  }

  /** Queues a message for the end of the turn, within the outbound limits. */
  #enqueue(data: Uint8Array | string, size: number): ErrorCode {
    let out = this.#out;
    if (out === null) {
      out = new OutboundBatch(this[TRANSPORT]);
      this.#out = out;
    }
    const transport = this[TRANSPORT] as Transport;
    if (out.bytes + size + transport.bufferedAmount > this.outboundBufferSize || out.count >= this.maxQueuedPackets) {
      // The turn's batch is not a network backlog yet: write it now (the socket takes what the
      // network can) and judge by what is really waiting. Rare: only near the limits.
      out.flushTurn();
      if (size + transport.bufferedAmount > this.outboundBufferSize) return ErrorCode.ERR_OUT_OF_MEMORY;
    }
    out.push(data, size);
    return ErrorCode.OK;
  }

  /** The heartbeat: browsers cannot ping (a server pings them and they answer). */
  [BEAT](): void {
    notInBrowsers('heartbeatInterval');
  }

  /** The peer's auto-poll, created on first use: peers polled by a server never need it. */
  #poller(): AutoPoll {
    this.#autoPoll ??= new AutoPoll(() => this.poll());
    return this.#autoPoll;
  }
}

import { CloseCode } from './constants/close-code.js';
import { ConnectionStatus } from './constants/connection-status.js';
import { ErrorCode } from './constants/error-code.js';
import { State } from './constants/state.js';
import { OBSERVE, PEER_CLASS } from './internal-keys.js';
import { SignalEmitter } from './signal-emitter.js';
import { type PeerObserver, WebSocketPeer, type WebSocketPeerOptions } from './websocket-peer.js';

/** Signals of {@link WebSocketClient}, named as in Godot 3. */
export interface WebSocketClientEvents {
  /** The handshake finished with this subprotocol (`""` for none). */
  connection_established: (protocol: string) => void;
  /**
   * The connection attempt failed (refused, bad handshake, rejected subprotocol...). `reason` (not in
   * Godot) says why when the runtime tells: in Node the server's refusal (`"HTTP 400 Bad Request: No
   * matching subprotocol"`) or the socket error; browsers give no details.
   */
  connection_error: (reason: string) => void;
  /**
   * An open connection ended; `wasCleanClose` when close frames were exchanged. `reason` (not in
   * Godot): the close reason received, or what ended it (`"Heartbeat timeout"`, a socket error).
   */
  connection_closed: (wasCleanClose: boolean, reason: string) => void;
  /** One message arrived: read it with `getPeer(1).getPacket()`. */
  data_received: () => void;
  /** The server started closing with this code and reason. */
  server_close_request: (code: number, reason: string) => void;
}

/** Settings of a {@link WebSocketClient}. */
export interface WebSocketClientOptions extends WebSocketPeerOptions {
  /** Verify the server's TLS certificate (default true, as in Godot). Node only. */
  verifySsl?: boolean;
  /** An extra trusted certificate (PEM) for `wss://`. Node only. */
  trustedSslCertificate?: string;
}

/**
 * Godot 3's `WebSocketClient`: a client with signals. Call `poll()` every frame (or set
 * `autoPoll`); signals fire from inside it.
 */
export class WebSocketClient<
  Events extends WebSocketClientEvents = WebSocketClientEvents,
> extends SignalEmitter<Events> {
  /** Verify the server's TLS certificate (default true). */
  declare verifySsl: boolean;
  /** An extra trusted certificate (PEM) for `wss://`. */
  declare trustedSslCertificate: string | undefined;
  /** The one connection of this client, also returned by `getPeer(1)`. */
  declare protected readonly peer: WebSocketPeer;

  constructor(options: WebSocketClientOptions = {}) {
    super();
    this.verifySsl = options.verifySsl ?? true;
    this.trustedSslCertificate = options.trustedSslCertificate;
    // The connector names the peer its transports call for (Node's: `FullWebSocketPeer`).
    const Peer = (options.connect as { [PEER_CLASS]?: typeof WebSocketPeer } | undefined)?.[PEER_CLASS];
    this.peer = new (Peer ?? WebSocketPeer)(options);
    this.peer[OBSERVE](this.#observer);
  }

  /** Polls by itself as soon as something arrives (no game loop needed). */
  get autoPoll(): boolean {
    return this.peer.autoPoll;
  }

  /** Sets `autoPoll` (see the getter). */
  set autoPoll(enabled: boolean) {
    this.peer.autoPoll = enabled;
  }

  /**
   * Connects to `url` (`ws://` is assumed when there is no scheme) requesting `protocols`, with
   * extra `"Name: value"` header lines (Node only). Returns `OK`, `ERR_ALREADY_IN_USE` or
   * `ERR_INVALID_PARAMETER`.
   */
  connectToUrl(url: string, protocols: readonly string[] = [], customHeaders: readonly string[] = []): ErrorCode {
    if (this.peer.readyState !== State.CLOSED) return ErrorCode.ERR_ALREADY_IN_USE;
    const full = typeof url === 'string' && url !== '' && !url.includes('://') ? `ws://${url}` : url;
    this.peer.supportedProtocols = [...protocols];
    this.peer.handshakeHeaders = [...customHeaders];
    // On the peer (not per call), so that a reconnect uses them too.
    const tls = this.peer.tls;
    this.peer.tls = { ...tls, ca: this.trustedSslCertificate ?? tls?.ca, verify: this.verifySsl };
    return this.peer.connectToUrl(full);
  }

  /** Closes with `code` and `reason`; `connection_closed` follows from a later poll. */
  disconnectFromHost(code: number = CloseCode.NORMAL, reason = ''): ErrorCode {
    return this.peer.close(code, reason);
  }

  /** Godot: only id 1 (the server) exists; any other id returns `null`. */
  getPeer(id: number): WebSocketPeer | null {
    return id === 1 ? this.peer : null;
  }

  /** The server's IP address (Node only). */
  getConnectedHost(): string {
    return this.peer.getConnectedHost();
  }

  /** The server's port (Node only). */
  getConnectedPort(): number {
    return this.peer.getConnectedPort();
  }

  /** Disconnected, connecting or connected, as Godot's `get_connection_status()`. */
  getConnectionStatus(): ConnectionStatus {
    const state = this.peer.readyState;
    if (state === State.OPEN) return ConnectionStatus.CONNECTION_CONNECTED;
    return state === State.CONNECTING
      ? ConnectionStatus.CONNECTION_CONNECTING
      : ConnectionStatus.CONNECTION_DISCONNECTED;
  }

  /** Applies what arrived and fires signals. */
  poll(): void {
    this.peer.poll();
  }

  /** How the peer reaches this client (kept off the public members). */
  readonly #observer: PeerObserver = {
    onPeerActivity: () => {},
    onPeerOpen: (_peer, protocol) => this.connectionOpened(protocol),
    onPeerPacket: () => this.packetArrived(),
    onPeerCloseRequest: (_peer, code, reason) => this.signals.emit('server_close_request', code, reason),
    onPeerClosed: (_peer, wasClean, wasOpen) => this.connectionEnded(wasClean, wasOpen),
  };

  /** Signals with the base event map (subclasses widen `Events`). */
  protected get signals(): SignalEmitter<WebSocketClientEvents> {
    return this as unknown as SignalEmitter<WebSocketClientEvents>;
  }

  /** The handshake finished; raw mode fires `connection_established`. */
  protected connectionOpened(protocol: string): void {
    this.signals.emit('connection_established', protocol);
  }

  /** One packet became available; raw mode fires `data_received`. */
  protected packetArrived(): void {
    this.signals.emit('data_received');
  }

  /** The connection ended or failed; raw mode fires `connection_closed` or `connection_error`. */
  protected connectionEnded(wasClean: boolean, wasOpen: boolean): void {
    const peer = this.peer;
    if (wasOpen) this.signals.emit('connection_closed', wasClean, peer.closeReason || peer.lastErrorMessage);
    else this.signals.emit('connection_error', peer.lastErrorMessage || peer.closeReason);
  }
}

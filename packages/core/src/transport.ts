/**
 * What a transport pushes into the core. Adapters call these from their socket callbacks; the core
 * only queues them, and `poll()` applies them.
 */
export interface TransportEvents {
  /** The handshake finished; `protocol` is the selected subprotocol (`""` for none). */
  onOpen(protocol: string): void;
  /**
   * One whole message. `data` is a `string` only for text frames in runtimes that decode them
   * (browsers); otherwise bytes, with `isText` telling the frame type. The core takes ownership.
   */
  onMessage(data: Uint8Array | string, isText: boolean): void;
  /**
   * Something failed. `closeCode` is set when the adapter is failing the connection with that code
   * (for example 1009 for an oversized message); a close event always follows.
   */
  onError(message: string, closeCode?: number): void;
  /** The connection is gone. `wasClean` is true when both close frames were exchanged. */
  onClose(code: number, reason: string, wasClean: boolean): void;
}

/** One live socket, as the core sees it. Adapters implement this over a real WebSocket. */
export interface Transport {
  /** Which adapter this is, e.g. `"node-ws"` or `"browser"`. */
  readonly adapter: string;
  /** Bytes handed to the socket but not yet written to the network. */
  readonly bufferedAmount: number;
  /**
   * Sends `count` messages from `messages` in order, as one socket write where the runtime allows.
   * A `string` goes as a text frame, a `Uint8Array` as a binary frame. Never throws.
   */
  sendMany(messages: ReadonlyArray<Uint8Array | string>, count: number): void;
  /**
   * Starts the close handshake with an already validated code and reason, dropping the socket if
   * the other side has not answered within the connection's close timeout. Never throws.
   */
  close(code: number, reason: string): void;
  /** Drops the connection at once, without a close frame. Never throws. */
  terminate(): void;
  /**
   * The heartbeat, called by `poll()` while open when `heartbeatInterval` > 0: pings every half
   * `intervalMs` (see `Heartbeat`) and returns false once a ping went unanswered for a whole
   * interval; `read` is false while reading is paused (a pong may be waiting unread). Absent where
   * the runtime cannot send pings (browsers: the server pings them).
   */
  heartbeat?(now: number, intervalMs: number, read?: boolean): boolean;
  /**
   * Stops reading from the network (inbound back-pressure); returns false where unsupported.
   * Absent where the runtime cannot pause a socket (browsers), as the four members after it: the
   * peer browsers use (`WebSocketPeer`) never calls them; `FullWebSocketPeer` treats absence as unsupported.
   */
  pause?(): boolean;
  /** Resumes reading after {@link Transport.pause}. */
  resume?(): void;
  /** Turns Nagle's algorithm off (`true`) or on; returns false where unsupported. */
  setNoDelay?(enabled: boolean): boolean;
  /** The remote IP address, or `""` where the runtime does not tell. */
  readonly remoteAddress?: string;
  /** The remote port, or `0` where the runtime does not tell. */
  readonly remotePort?: number;
}

/** TLS settings of a client connection. Node only; browsers use the system's trust store. */
export interface ClientTlsOptions {
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Uint8Array | Array<string | Uint8Array>;
  /** Verify the server certificate and host name (default true). */
  verify?: boolean;
  /** Server name for SNI and verification, when it differs from the URL host. */
  serverName?: string;
}

/** What a client transport is asked to do. */
export interface ConnectOptions {
  /** Subprotocols to request, in order of preference. */
  protocols: readonly string[];
  /** Extra handshake request headers as `"Name: value"` lines (ignored by browsers). */
  headers: readonly string[];
  /** The largest message to accept; bigger ones fail the connection with 1009 where supported. */
  maxMessageSize: number;
  /**
   * Milliseconds the opening handshake may take before the attempt fails with the error
   * "Handshake timeout" (0 = no limit). Where the runtime lets us choose (Node; browsers apply their own).
   */
  handshakeTimeout?: number;
  /** TLS options for `wss://` (Node only). */
  tls?: ClientTlsOptions;
}

/**
 * Opens a client connection. May throw for a URL the runtime rejects (the core turns that into
 * `ERR_INVALID_PARAMETER`); connection failures arrive later as `onError` + `onClose`.
 */
export type TransportConnector = (url: string, options: ConnectOptions, events: TransportEvents) => Transport;

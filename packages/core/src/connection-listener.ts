import type { Transport, TransportEvents } from './transport.js';

/** An upgrade request that arrived at a listener and waits for a decision. */
export interface PendingConnection {
  /** Remote IP address. */
  readonly remoteAddress: string;
  /** Remote port. */
  readonly remotePort: number;
  /** The request path including the query string, e.g. `"/chat?room=1"`. */
  readonly path: string;
  /** `ws://host/path` or `wss://host/path` as the client asked for it. */
  readonly url: string;
  /** Subprotocols the client asked for, in its order. */
  readonly protocols: readonly string[];
  /** Request headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The subprotocol Godot's rule picks for this request from `supported` (see `selectProtocol`):
   * `""` for none, `null` when nothing acceptable matches. Lives here, not in the peer, so browser
   * bundles (which never accept connections) do not carry the matching code.
   */
  selectProtocol(supported: readonly string[]): string | null;
  /**
   * Completes the upgrade with `protocol` (`""` for none) and extra response header lines; the
   * returned transport reports `onOpen` once the 101 response is written. `closeTimeout` (ms): how
   * long its `close()` waits for the client's close frame before dropping the socket.
   */
  accept(
    protocol: string,
    headers: readonly string[],
    maxMessageSize: number,
    events: TransportEvents,
    closeTimeout?: number,
  ): Transport;
  /** Refuses the upgrade with an HTTP status and a short reason, then closes the TCP connection. */
  reject(status: number, reason: string): void;
  /** False once the client went away or the handshake timed out before a decision. */
  isAlive(): boolean;
}

/** TLS settings of a listener (Node only). */
export interface ServerTlsOptions {
  /** Private key (PEM). */
  key: string | Uint8Array;
  /** Certificate chain (PEM). */
  cert: string | Uint8Array;
  /** Extra CA certificates (PEM). */
  ca?: string | Uint8Array | Array<string | Uint8Array>;
}

/** Where and how a listener accepts connections. */
export interface ListenOptions {
  /** TCP port; 0 picks a free one. Ignored when attaching to `server`. */
  port: number;
  /** Address to bind (`"*"` for all). Ignored when attaching to `server`. */
  bindAddress: string;
  /** Only upgrade requests for this path (without query) are taken; `undefined` takes every path. */
  path?: string;
  /** An existing HTTP(S) server to attach to instead of listening (Node `http.Server`). */
  server?: unknown;
  /** TLS key and certificate; the listener then speaks `wss://`. */
  tls?: ServerTlsOptions;
  /**
   * Milliseconds a TCP connection may take to finish the upgrade before it is dropped; on a server
   * it attaches to, the time to send complete request headers (plain HTTP requests included).
   */
  handshakeTimeout: number;
}

/** Receives what a listener sees. */
export interface ListenerEvents {
  /** An upgrade request passed the HTTP checks. Call `accept` or `reject` (now or later). */
  onConnection(connection: PendingConnection): void;
  /** The listener is bound; `port` is the real port. */
  onListening(port: number): void;
  /** The listener could not bind (`code` is `"EADDRINUSE"` and the like) or failed later. */
  onListenError(message: string, code: string): void;
  /** The listener refused a connection by itself (`kind`: `"handshake-timeout"`), for the server's stats. */
  onRefused?(kind: string): void;
}

/** A running listener. */
export interface ConnectionListener {
  /** The bound port (0 until bound). */
  readonly port: number;
  /** Stops listening and drops connections that have not been accepted. */
  close(): void;
}

/** Creates a listener (Node: `@wspeer/transport-node`'s `createNodeListener`). */
export type ListenerFactory = (options: ListenOptions, events: ListenerEvents) => ConnectionListener;

import type {
  ConnectionListener,
  ListenerFactory,
  PendingConnection,
  ServerTlsOptions,
} from './connection-listener.js';
import { CloseReason } from './constants/close-reason.js';
import { ErrorCode, errorName } from './constants/error-code.js';
import { WaiterList } from './waiter-list.js';
import { WebSocketError } from './websocket-error.js';

/** Options of {@link TCPServer.listen}. */
export interface TCPServerListenOptions {
  /** Only take upgrade requests for this path. */
  path?: string;
  /** TLS key and certificate for `wss://`. */
  tls?: ServerTlsOptions;
  /** Seconds a connection may wait to be taken and accepted before it is dropped (default 3). */
  handshakeTimeout?: number;
  /** An existing Node HTTP(S) server to attach to instead of listening. */
  server?: unknown;
}

/**
 * Godot 4's `TCPServer` as the server half of `WebSocketPeer.acceptStream`: it queues incoming
 * WebSocket upgrade requests; `takeConnection()` hands one out, and a `WebSocketPeer` accepts it
 * with its own `supportedProtocols` and `handshakeHeaders`. Node only (`wspeer/server`).
 */
export class TCPServer {
  #listener: ConnectionListener | null = null;
  #queue: PendingConnection[] = [];
  #pruneAt = 64;
  #port = 0;
  #error = '';
  readonly #waiters = new WaiterList<TCPServer>();
  readonly #factory: ListenerFactory | undefined;

  constructor(factory?: ListenerFactory) {
    this.#factory = factory;
  }

  /** Starts listening; `OK`, or `ERR_ALREADY_IN_USE` when already listening. Bind errors reach `listening()`. */
  listen(port: number, bindAddress = '*', options: TCPServerListenOptions = {}): ErrorCode {
    if (this.#listener !== null) return ErrorCode.ERR_ALREADY_IN_USE;
    if (this.#factory === undefined)
      throw new Error('TCPServer has no listener: import { TCPServer } from "wspeer/server".');
    this.#error = '';
    this.#listener = this.#factory(
      {
        port,
        bindAddress,
        handshakeTimeout: (options.handshakeTimeout ?? 3) * 1000,
        ...(options.path === undefined ? {} : { path: options.path }),
        ...(options.tls === undefined ? {} : { tls: options.tls }),
        ...(options.server === undefined ? {} : { server: options.server }),
      },
      {
        onConnection: (connection) => this.#enqueue(connection),
        onListening: (bound) => {
          this.#port = bound;
          this.#waiters.settle(this);
        },
        onListenError: (message) => {
          this.#error = message;
          this.stop();
          this.#waiters.settle(this);
        },
      },
    );
    return ErrorCode.OK;
  }

  /** Resolves with the bound port; rejects with a `WebSocketError` when binding failed. */
  listening(timeoutMs = 0): Promise<number> {
    return this.#waiters.wait<number>(this, 'the server to listen', timeoutMs, (server) => {
      if (server.#port !== 0) return server.#port;
      if (server.#listener !== null) return undefined;
      const code = server.#error.includes('EADDRINUSE') ? ErrorCode.ERR_ALREADY_IN_USE : ErrorCode.ERR_CANT_CREATE;
      return new WebSocketError(code, `${errorName(code)}: ${server.#error || 'not listening'}`);
    });
  }

  /** Whether `listen` succeeded and `stop` was not called. */
  isListening(): boolean {
    return this.#listener !== null;
  }

  /** The bound port (0 until bound). */
  getLocalPort(): number {
    return this.#port;
  }

  /** Whether an upgrade request is waiting (requests whose client left are dropped). */
  isConnectionAvailable(): boolean {
    this.#queue = this.#queue.filter((c) => c.isAlive());
    return this.#queue.length > 0;
  }

  /** The oldest waiting upgrade request, or `null`: pass it to `WebSocketPeer.acceptStream`. */
  takeConnection(): PendingConnection | null {
    return this.isConnectionAvailable() ? (this.#queue.shift() ?? null) : null;
  }

  /**
   * Queues a request. Requests time out by themselves (`handshakeTimeout`), but their entries stay
   * until looked at: prune the dead ones whenever the queue doubled, so it stays bounded by the
   * live ones even if the app never takes any.
   */
  #enqueue(connection: PendingConnection): void {
    this.#queue.push(connection);
    if (this.#queue.length < this.#pruneAt) return;
    this.#queue = this.#queue.filter((c) => c.isAlive());
    this.#pruneAt = Math.max(64, this.#queue.length * 2);
  }

  /** Stops listening and refuses every waiting request. */
  stop(): void {
    for (const connection of this.#queue) connection.reject(503, CloseReason.SERVER_STOPPED);
    this.#queue = [];
    this.#listener?.close();
    this.#listener = null;
    this.#port = 0;
  }
}

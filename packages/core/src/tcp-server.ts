import { checkPort } from './check-port.js';
import type {
  ConnectionListener,
  ListenerFactory,
  PendingConnection,
  ServerTlsOptions,
} from './connection-listener.js';
import { CloseReason } from './constants/close-reason.js';
import { ErrorCode, errorName } from './constants/error-code.js';
import { type ListenFailure, listenFailure } from './listen-failure.js';
import { msg } from './msg.js';
import type { WaitOptions } from './wait-options.js';
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
  #failure: ListenFailure | null = null;
  readonly #waiters = new WaiterList();
  readonly #factory: ListenerFactory | undefined;

  constructor(factory?: ListenerFactory) {
    this.#factory = factory;
  }

  /**
   * Starts listening; `OK`, `ERR_ALREADY_IN_USE` when already listening, `ERR_INVALID_PARAMETER`
   * for a port that is not an integer from 0 to 65535 (see `lastErrorMessage`). Node binds
   * asynchronously: a bind failure (port taken...) rejects `listening()` and sets `lastErrorMessage`
   * (logged with `console.error` when nobody waits on `listening()`).
   */
  listen(port: number, bindAddress = '*', options: TCPServerListenOptions = {}): ErrorCode {
    if (this.#listener !== null) return ErrorCode.ERR_ALREADY_IN_USE;
    if (this.#factory === undefined)
      throw new Error(msg`TCPServer has no listener: import { TCPServer } from "wspeer/server".`);
    const invalid = checkPort(port);
    if (invalid !== '') {
      this.#failure = { code: ErrorCode.ERR_INVALID_PARAMETER, message: invalid };
      return ErrorCode.ERR_INVALID_PARAMETER;
    }
    this.#failure = null;
    try {
      this.#listener = this.#create(port, bindAddress, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#failure = { code: ErrorCode.ERR_INVALID_PARAMETER, message };
      return ErrorCode.ERR_INVALID_PARAMETER;
    }
    return ErrorCode.OK;
  }

  #create(port: number, bindAddress: string, options: TCPServerListenOptions): ConnectionListener {
    return (this.#factory as ListenerFactory)(
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
          this.#waiters.settle();
        },
        onListenError: (message, code) => {
          const failure = listenFailure(port, bindAddress, message, code);
          this.#failure = failure;
          this.stop();
          if (this.#waiters.size === 0) console.error(`[wspeer] TCPServer ${failure.message}`);
          this.#waiters.settle();
        },
      },
    );
  }

  /**
   * Resolves with the bound port; rejects with a `WebSocketError` when binding failed (its message
   * names the port and the cause). Takes a timeout in ms or `{ timeoutMs, signal }`.
   */
  listening(options: WaitOptions | number = 0): Promise<number> {
    return this.#waiters.wait<number>(msg`the server to listen`, options, () => {
      if (this.#port !== 0) return this.#port;
      if (this.#listener !== null) return undefined;
      const failure = this.#failure;
      if (failure === null) return new WebSocketError(ErrorCode.ERR_UNCONFIGURED, msg`ERR_UNCONFIGURED: not listening`);
      return new WebSocketError(failure.code, `${errorName(failure.code)}: ${failure.message}`);
    });
  }

  /** Why the last `listen` failed (`""` if it did not): names the port and the cause. */
  get lastErrorMessage(): string {
    return this.#failure?.message ?? '';
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

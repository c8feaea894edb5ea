import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { boundedText } from '@wspeer/core';
import { rejectUpgrade } from './reject-upgrade.js';

/** Handles one upgrade request. */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

function ignore(): void {}

const routers = new WeakMap<Server, UpgradeRouter>();

/** Where a connection of a watched server keeps its header timer. */
const HEADER_TIMER = Symbol('wspeer.headerTimer');

type WatchedSocket = Duplex & { [HEADER_TIMER]?: NodeJS.Timeout; _parent?: WatchedSocket };

/** The TCP socket under `socket` (a TLS socket's parent), where the header timer lives. */
function tcpOf(socket: Duplex): WatchedSocket {
  return (socket as WatchedSocket)._parent ?? socket;
}

/** The request headers arrived (or the socket closed): stop the header timer. */
function headersArrived(socket: Duplex): void {
  const tcp = tcpOf(socket);
  const timer = tcp[HEADER_TIMER];
  if (timer === undefined) return;
  clearTimeout(timer);
  tcp[HEADER_TIMER] = undefined;
  tcp.removeListener('close', onWatchedClose);
}

function onWatchedClose(this: Duplex): void {
  headersArrived(this);
}

/** A connection sent no complete request within the handshake timeout (slowloris): drop it. */
function headersTimedOut(socket: WatchedSocket, router: UpgradeRouter): void {
  socket[HEADER_TIMER] = undefined;
  router.headerTimeouts++;
  socket.destroy();
}

/**
 * Dispatches a server's `upgrade` events by path, so several listeners (`/echo`, `/chat`, ...)
 * can share one HTTP server. A path nobody serves gets 404, unless other code also listens to
 * `upgrade` on that server (then the request is left to it).
 */
export class UpgradeRouter {
  /** Connections dropped for not sending complete request headers in time (see {@link UpgradeRouter.watchHeaders}). */
  headerTimeouts = 0;
  readonly #exact = new Map<string, UpgradeHandler>();
  #fallback: UpgradeHandler | undefined;
  #headerTimeout = 0;
  readonly #listener = (request: IncomingMessage, socket: Duplex, head: Buffer): void =>
    this.#dispatch(request, socket, head);
  readonly #onConnection = (socket: Duplex): void => {
    const timer = setTimeout(headersTimedOut, this.#headerTimeout, socket, this);
    timer.unref();
    (socket as WatchedSocket)[HEADER_TIMER] = timer;
    socket.once('close', onWatchedClose);
  };
  readonly #onRequest = (request: IncomingMessage): void => headersArrived(request.socket);

  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** The router of `server`, created on first use. */
  static for(server: Server): UpgradeRouter {
    let router = routers.get(server);
    if (router === undefined) {
      router = new UpgradeRouter(server);
      routers.set(server, router);
    }
    return router;
  }

  /** Serves `path` (or every path when `undefined`). Throws if that path is already served. */
  add(path: string | undefined, handler: UpgradeHandler): void {
    if (this.#exact.size === 0 && this.#fallback === undefined) this.#server.on('upgrade', this.#listener);
    if (path === undefined) {
      if (this.#fallback !== undefined) throw new Error('wspeer: this server already accepts WebSockets on every path');
      this.#fallback = handler;
    } else {
      if (this.#exact.has(path)) throw new Error(`wspeer: this server already accepts WebSockets on ${path}`);
      this.#exact.set(path, handler);
    }
  }

  /**
   * Bounds the handshake of a server we attach to but do not own: a new TCP connection must send
   * complete request headers (an upgrade or a plain HTTP request) within `timeoutMs`, else it is
   * dropped, so slow-header clients (slowloris) cannot hold sockets for Node's own 60-300 s. With
   * several attached listeners the longest timeout applies. Stops with the last route.
   */
  watchHeaders(timeoutMs: number): void {
    if (this.#headerTimeout === 0) {
      this.#server.on('connection', this.#onConnection);
      this.#server.on('request', this.#onRequest);
    }
    this.#headerTimeout = Math.max(this.#headerTimeout, timeoutMs);
  }

  /** Stops serving `path`. */
  remove(path: string | undefined, handler: UpgradeHandler): void {
    if (path === undefined) {
      if (this.#fallback === handler) this.#fallback = undefined;
    } else if (this.#exact.get(path) === handler) {
      this.#exact.delete(path);
    }
    if (this.#exact.size === 0 && this.#fallback === undefined) {
      this.#server.off('upgrade', this.#listener);
      if (this.#headerTimeout > 0) {
        this.#server.off('connection', this.#onConnection);
        this.#server.off('request', this.#onRequest);
        this.#headerTimeout = 0;
      }
    }
  }

  #dispatch(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node removes its own error handler from upgraded sockets: a reset from the client must
    // not become an uncaught exception (ws adds its own once the upgrade completes).
    if (socket.listenerCount('error') === 0) socket.on('error', ignore);
    headersArrived(socket);
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const handler = this.#exact.get(path) ?? this.#fallback;
    if (handler !== undefined) handler(request, socket, head);
    else if (this.#server.listenerCount('upgrade') === 1)
      rejectUpgrade(socket, 404, `No WebSocket endpoint at ${boundedText(path)}`);
  }
}

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { rejectUpgrade } from './reject-upgrade.js';

/** Handles one upgrade request. */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

function ignore(): void {}

const routers = new WeakMap<Server, UpgradeRouter>();

/**
 * Dispatches a server's `upgrade` events by path, so several listeners (`/echo`, `/chat`, ...)
 * can share one HTTP server. A path nobody serves gets 404, unless other code also listens to
 * `upgrade` on that server (then the request is left to it).
 */
export class UpgradeRouter {
  readonly #exact = new Map<string, UpgradeHandler>();
  #fallback: UpgradeHandler | undefined;
  readonly #listener = (request: IncomingMessage, socket: Duplex, head: Buffer): void =>
    this.#dispatch(request, socket, head);

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

  /** Stops serving `path`. */
  remove(path: string | undefined, handler: UpgradeHandler): void {
    if (path === undefined) {
      if (this.#fallback === handler) this.#fallback = undefined;
    } else if (this.#exact.get(path) === handler) {
      this.#exact.delete(path);
    }
    if (this.#exact.size === 0 && this.#fallback === undefined) this.#server.off('upgrade', this.#listener);
  }

  #dispatch(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node removes its own error handler from upgraded sockets: a reset from the client must
    // not become an uncaught exception (ws adds its own once the upgrade completes).
    if (socket.listenerCount('error') === 0) socket.on('error', ignore);
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const handler = this.#exact.get(path) ?? this.#fallback;
    if (handler !== undefined) handler(request, socket, head);
    else if (this.#server.listenerCount('upgrade') === 1)
      rejectUpgrade(socket, 404, `No WebSocket endpoint at ${path}`);
  }
}

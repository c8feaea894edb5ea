import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { Server as TlsServer } from 'node:tls';
import {
  type ConnectionListener,
  type ListenerEvents,
  type ListenOptions,
  type PendingConnection,
  scheduleMicrotask,
} from '@wspeer/core';
import { type ServerOptions, WebSocketServer } from 'ws';
import { NodePendingConnection, type PendingHost } from './node-pending-connection.js';
import { type UpgradeHandler, UpgradeRouter } from './upgrade-router.js';

/** Per-request decisions that ws reads back during `handleUpgrade`. */
const chosenProtocol = new WeakMap<IncomingMessage, string>();
const extraHeaders = new WeakMap<IncomingMessage, readonly string[]>();

/** One `ws` server (noServer) per distinct max message size and close timeout, so each peer gets its own. */
const upgraders = new Map<string, WebSocketServer>();

/** The ws server that completes `request`'s upgrade with `protocol` and extra response `headers`. */
function upgraderFor(
  maxPayload: number,
  closeTimeout: number,
  protocol: string,
  headers: readonly string[],
  request: IncomingMessage,
): WebSocketServer {
  chosenProtocol.set(request, protocol);
  if (headers.length > 0) {
    extraHeaders.set(
      request,
      headers.filter((line) => line.includes(':')),
    );
  }
  return wsServerFor(maxPayload, closeTimeout);
}

/** The app did not decide within the handshake timeout. */
function timeOut(connection: NodePendingConnection, events: ListenerEvents): void {
  events.onRefused?.('handshake-timeout');
  connection.reject(408, 'Handshake timeout');
}

function wsServerFor(maxPayload: number, closeTimeout: number): WebSocketServer {
  const key = `${maxPayload}:${closeTimeout}`;
  let wss = upgraders.get(key);
  if (wss === undefined) {
    // `closeTimeout` is ws 8.23's (not yet in @types/ws 8.18): how long a close waits for the answer.
    const options: ServerOptions & { closeTimeout: number } = {
      noServer: true,
      perMessageDeflate: false,
      closeTimeout,
      // Pings are answered by the transport (rate-limited, with a reason when it gives up).
      autoPong: false,
      clientTracking: false,
      maxPayload,
      handleProtocols: (_offered, request) => chosenProtocol.get(request) || false,
    };
    wss = new WebSocketServer(options);
    wss.on('headers', (headers, request) => {
      const extra = extraHeaders.get(request);
      if (extra !== undefined) headers.push(...extra);
    });
    upgraders.set(key, wss);
  }
  return wss;
}

/**
 * Listens for WebSocket upgrades with Node's `http`/`https` (or attaches to an existing server),
 * enforcing the handshake timeout, and hands each upgrade request to `events.onConnection` as a
 * {@link PendingConnection}. Plain HTTP requests to an own server get `426 Upgrade Required`.
 */
export function createNodeListener(options: ListenOptions, events: ListenerEvents): ConnectionListener {
  const own = options.server === undefined;
  const server = (options.server as Server | undefined) ?? createOwnServer(options);
  const router = UpgradeRouter.for(server);
  const secure = own ? options.tls !== undefined : server instanceof TlsServer;
  const pending = new Set<Duplex>();
  let port = 0;

  const host: PendingHost = {
    settle(connection) {
      clearTimeout(connection.timer);
      pending.delete(connection.socket);
      unwatchHandshake.call(connection.socket);
    },
    upgrader: upgraderFor,
  };
  const handler: UpgradeHandler = (request, socket, head) => {
    pending.add(socket);
    const connection = new NodePendingConnection(request, socket, head, secure, host);
    // An own server's connection timer (watchHandshake) already bounds the whole handshake.
    if (!own) {
      connection.timer = setTimeout(timeOut, options.handshakeTimeout, connection, events);
      connection.timer.unref();
    }
    events.onConnection(connection);
  };
  router.add(options.path, handler);

  if (own) {
    server.on('connection', (socket: Duplex) => watchHandshake(socket, options.handshakeTimeout, events));
    server.on('error', (error: Error & { code?: string }) =>
      events.onListenError(error.message, error.code ?? 'ERROR'),
    );
    server.listen(options.port, options.bindAddress === '*' ? undefined : options.bindAddress, () => {
      const address = server.address();
      port = typeof address === 'object' && address !== null ? address.port : 0;
      events.onListening(port);
    });
  } else {
    router.watchHeaders(options.handshakeTimeout);
    const address = server.listening ? server.address() : null;
    port = typeof address === 'object' && address !== null ? address.port : 0;
    if (server.listening) scheduleMicrotask(() => events.onListening(port));
    else
      server.once('listening', () => {
        const a = server.address();
        port = typeof a === 'object' && a !== null ? a.port : 0;
        events.onListening(port);
      });
  }

  return {
    get port() {
      return port;
    },
    close() {
      router.remove(options.path, handler);
      for (const socket of pending) socket.destroy();
      pending.clear();
      if (own) {
        server.close();
        server.closeAllConnections();
      }
    },
  };
}

function createOwnServer(options: ListenOptions): Server {
  const tls = options.tls;
  const server: Server =
    tls === undefined
      ? createHttpServer()
      : (createHttpsServer({
          key: toBuffer(tls.key),
          cert: toBuffer(tls.cert),
          ...(tls.ca === undefined ? {} : { ca: Array.isArray(tls.ca) ? tls.ca.map(toBuffer) : toBuffer(tls.ca) }),
          handshakeTimeout: options.handshakeTimeout,
        }) as unknown as Server);
  server.on('request', (_request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain', Connection: 'close', Upgrade: 'websocket' });
    response.end('426 Upgrade Required: this is a WebSocket endpoint\n');
  });
  return server;
}

/** Timers that drop TCP connections which have not finished their upgrade in time. */
const handshakeTimers = new WeakMap<Duplex, NodeJS.Timeout>();

/** Drops a TCP connection that has not finished its WebSocket upgrade in time. */
function watchHandshake(socket: Duplex, timeoutMs: number, events: ListenerEvents): void {
  const timer = setTimeout(() => {
    events.onRefused?.('handshake-timeout');
    socket.destroy();
  }, timeoutMs);
  timer.unref();
  handshakeTimers.set(socket, timer);
  socket.once('close', unwatchHandshake);
}

/**
 * The upgrade finished (or the socket closed): nothing to watch any more. The timer belongs to the
 * TCP socket; a TLS server hands the upgrade a TLS socket on top of it (`_parent`).
 */
function unwatchHandshake(this: Duplex): void {
  const tcp = (this as Duplex & { _parent?: Duplex })._parent ?? this;
  const timer = handshakeTimers.get(tcp);
  if (timer !== undefined) clearTimeout(timer);
  handshakeTimers.delete(tcp);
  tcp.removeListener('close', unwatchHandshake);
}

function toBuffer(value: string | Uint8Array): Buffer {
  return typeof value === 'string' ? Buffer.from(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  CloseCode,
  type PendingConnection,
  scheduleMicrotask,
  selectProtocol,
  type Transport,
  type TransportEvents,
} from '@wspeer/core';
import type { WebSocket, WebSocketServer } from 'ws';
import { NodeTransport } from './node-transport.js';
import { parseProtocolHeader } from './parse-protocol-header.js';
import { rejectUpgrade } from './reject-upgrade.js';

/** ws's own close timeout, for callers that do not choose one. */
const DEFAULT_CLOSE_TIMEOUT = 30_000;

/** The pending connection of a socket, for the shared `close` listener. */
const PENDING = Symbol('wspeer.pending');

type PendingSocket = Duplex & { [PENDING]?: NodePendingConnection; remoteAddress?: string; remotePort?: number };

/** What the listener does with a pending connection and asks of it. */
export interface PendingHost {
  /** The connection is decided, or its socket closed: stop tracking it. */
  settle(connection: NodePendingConnection): void;
  /** Completes the upgrade (ws's `handleUpgrade` on a server with this message size limit and close timeout). */
  upgrader(
    maxMessageSize: number,
    closeTimeout: number,
    protocol: string,
    headers: readonly string[],
    request: IncomingMessage,
  ): WebSocketServer;
}

/**
 * An upgrade request waiting for `accept` or `reject`, for the Node listener. One object per
 * request with shared methods and listeners (no per-request closures); `headers` and `protocols`
 * are computed on first read, since most servers never look at the headers.
 */
export class NodePendingConnection implements PendingConnection {
  /** The handshake-decision timer, set by the listener. */
  timer: NodeJS.Timeout | undefined;
  /** The TCP (or TLS) socket of the request. */
  readonly socket: Duplex;
  readonly #request: IncomingMessage;
  readonly #socket: PendingSocket;
  readonly #head: Buffer;
  readonly #secure: boolean;
  readonly #host: PendingHost;
  #decided = false;
  #events: TransportEvents | null = null;
  #headers: Record<string, string> | undefined;
  #protocols: readonly string[] | undefined;

  constructor(request: IncomingMessage, socket: Duplex, head: Buffer, secure: boolean, host: PendingHost) {
    this.#request = request;
    this.socket = socket;
    this.#socket = socket;
    this.#head = head;
    this.#secure = secure;
    this.#host = host;
    this.#socket[PENDING] = this;
    socket.on('close', onPendingClose);
  }

  /** Remote IP address. */
  get remoteAddress(): string {
    return this.#socket.remoteAddress ?? '';
  }

  /** Remote port. */
  get remotePort(): number {
    return this.#socket.remotePort ?? 0;
  }

  /** The request path with its query. */
  get path(): string {
    return this.#request.url ?? '/';
  }

  /**
   * `ws://host/path` or `wss://host/path` as the client asked for it. The peer keeps it for as
   * long as the connection lives, so clients asking for the URL the last one asked for share its
   * string (else each idle connection would hold its own, with its request's host and path).
   */
  get url(): string {
    const host = this.#request.headers.host ?? 'localhost';
    const path = this.path;
    const last = lastUrl;
    if (host === last.host && path === last.path && this.#secure === last.secure) return last.url;
    const url = `${this.#secure ? 'wss' : 'ws'}://${host}${path}`;
    lastUrl = { host, path, secure: this.#secure, url };
    return url;
  }

  /** Subprotocols the client asked for, in its order. */
  get protocols(): readonly string[] {
    this.#protocols ??= parseProtocolHeader(this.#request.headers['sec-websocket-protocol']);
    return this.#protocols;
  }

  /** Request headers, names lower-cased, repeated headers joined with `", "`. */
  get headers(): Readonly<Record<string, string>> {
    this.#headers ??= joinHeaders(this.#request.headers);
    return this.#headers;
  }

  /** The subprotocol Godot's rule picks from `supported` (`null` when none matches). */
  selectProtocol(supported: readonly string[]): string | null {
    return selectProtocol(this.protocols, supported);
  }

  /** Completes the upgrade; the transport reports `onOpen` once the 101 response is written. */
  accept(
    protocol: string,
    headers: readonly string[],
    maxMessageSize: number,
    events: TransportEvents,
    closeTimeout = DEFAULT_CLOSE_TIMEOUT,
  ): Transport {
    const transport = new NodeTransport(events);
    if (this.#decided || this.#socket.destroyed) {
      scheduleMicrotask(() => events.onClose(CloseCode.ABNORMAL, '', false));
      return transport;
    }
    this.#decide();
    this.#events = events;
    const upgrader = this.#host.upgrader(maxMessageSize, closeTimeout, protocol, headers, this.#request);
    upgrader.handleUpgrade(this.#request, this.#socket, this.#head, (ws: WebSocket) => {
      this.#release();
      transport.bind(ws);
      events.onOpen(protocol);
    });
    return transport;
  }

  /** Refuses the upgrade with an HTTP status and a short reason. */
  reject(status: number, reason: string): void {
    if (this.#decided) return;
    this.#decide();
    this.#release();
    rejectUpgrade(this.#socket, status, reason);
  }

  /** False once the client went away or a decision was made. */
  isAlive(): boolean {
    return !this.#decided && !this.#socket.destroyed;
  }

  /** The socket closed before the upgrade finished (called by the socket's close listener). */
  socketClosed(): void {
    const events = this.#events;
    this.#release();
    if (!this.#decided) this.#decide();
    else if (events !== null) events.onClose(CloseCode.ABNORMAL, '', false);
  }

  #decide(): void {
    this.#decided = true;
    this.#host.settle(this);
  }

  /** Forgets the socket's close listener (the upgrade finished, was refused, or the socket closed). */
  #release(): void {
    this.#events = null;
    if (this.#socket[PENDING] !== this) return;
    this.#socket[PENDING] = undefined;
    this.#socket.removeListener('close', onPendingClose);
  }
}

/** The URL last built by a pending connection's `url`, and what it was built from. */
let lastUrl = { host: '', path: '', secure: false, url: '' };

function onPendingClose(this: PendingSocket): void {
  this[PENDING]?.socketClosed();
}

function joinHeaders(raw: IncomingMessage['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { CloseCode, CloseReason, Heartbeat, type Transport, type TransportEvents } from '@wspeer/core';
import type WebSocket from 'ws';
import { headerSize, writeHeader } from './frame-header.js';
import { writeMaskedFrames } from './write-masked-frames.js';

const BINARY = { binary: true } as const;
const TEXT = { binary: false } as const;

/** ws error codes that fail a connection, mapped to the close code ws sends for them. */
const FAILURE_CODES: Record<string, number> = {
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: CloseCode.MESSAGE_TOO_BIG,
  WS_ERR_INVALID_UTF8: CloseCode.INVALID_PAYLOAD,
};

function socketOf(ws: WebSocket): Socket | undefined {
  return (ws as unknown as { _socket?: Socket })._socket;
}

/**
 * The parts of a `ws` socket that tell whether frames may be written to its TCP socket directly.
 * These are ws's private fields: checked against ws 8.23.0 (the version pinned in package.json;
 * `lib/websocket.js` `_isServer` `_socket` `_extensions`, `lib/sender.js` `_state` `_firstFragment`).
 * When a ws upgrade renames them, `directSocket` returns `undefined` and every send falls back to
 * `ws.send` (correct, but without the one-write-per-turn gain): `test/fast-path.node.test.ts`
 * fails in that case, so the upgrade cannot lose the gain silently.
 */
interface WsInternals {
  _isServer?: boolean;
  _socket?: Socket;
  _extensions?: Record<string, unknown>;
  _sender?: { _state?: number; _firstFragment?: boolean };
}

/**
 * The TCP socket of a `ws` socket that may take whole frames directly: no extension (no
 * compression), and its sender idle between whole messages, so a frame written here cannot
 * interleave with one of ws's own. `undefined` otherwise (use `ws.send`).
 */
function directSocket(ws: WebSocket): Socket | undefined {
  const internals = ws as unknown as WsInternals;
  const sender = internals._sender;
  const socket = internals._socket;
  if (sender?._state !== 0 || sender._firstFragment !== true) return undefined;
  if (socket === undefined || socket.destroyed || !socket.writable) return undefined;
  const extensions = internals._extensions;
  if (extensions === undefined || extensions['permessage-deflate'] !== undefined) return undefined;
  return socket;
}

/** Payloads up to this size are copied next to their frame header (one buffer per batch); larger ones are written by reference. */
const COPY_LIMIT = 1024;
/** Scratch for the payload sizes of one batch. */
const sizes: number[] = [];

/**
 * Frames `count` messages as a server would (RFC 6455: FIN, no mask; a string is a text frame)
 * and writes them with one `write` when every payload is small, else one corked `writev` in which
 * large payloads are not copied.
 */
function writeFrames(socket: Socket, messages: ReadonlyArray<Uint8Array | string>, count: number): void {
  let total = 0;
  for (let i = 0; i < count; i++) {
    const m = messages[i] as Uint8Array | string;
    const length = typeof m === 'string' ? Buffer.byteLength(m) : m.byteLength;
    sizes[i] = length;
    total += headerSize(length) + (length <= COPY_LIMIT ? length : 0);
  }
  const frames = Buffer.allocUnsafe(total);
  let chunks: Array<Uint8Array> | null = null;
  let start = 0;
  let at = 0;
  for (let i = 0; i < count; i++) {
    const m = messages[i] as Uint8Array | string;
    const length = sizes[i] as number;
    at = writeHeader(frames, at, typeof m === 'string' ? 1 : 2, length);
    if (length <= COPY_LIMIT) {
      if (typeof m === 'string') at += frames.write(m, at, 'utf8');
      else {
        frames.set(m, at);
        at += length;
      }
    } else {
      chunks ??= [];
      chunks.push(frames.subarray(start, at), typeof m === 'string' ? Buffer.from(m, 'utf8') : m);
      start = at;
    }
  }
  if (chunks === null) {
    socket.write(frames);
    return;
  }
  if (start < at) chunks.push(frames.subarray(start, at));
  socket.cork();
  for (const chunk of chunks) socket.write(chunk);
  socket.uncork();
}

/** Where a bound `ws` socket keeps its transport, so one set of listeners serves every socket. */
const EVENTS = Symbol('wspeer.events');
/** The socket's heartbeat, set on the first `heartbeat()` call (idle sockets carry none). */
const BEAT = Symbol('wspeer.heartbeat');
/** The socket's ping count in the current one-second window, set on its first ping. */
const PINGS = Symbol('wspeer.pings');
/** Set on a client socket whose handshake the server refused (its reason was reported already). */
const REFUSED = Symbol('wspeer.refused');

/** Most pings a connection may send per second; more fail it with 1008 "Too many pings". */
export const MAX_PINGS_PER_SECOND = 100;
/** Most bytes waiting to be written before a ping is no longer answered (its sender does not read). */
export const MAX_PONG_BACKLOG = 64 * 1024;

/** A `ws` socket bound to a transport. */
type BoundSocket = WebSocket & {
  [EVENTS]: TransportEvents;
  [BEAT]?: Heartbeat;
  [PINGS]?: { start: number; count: number };
  [REFUSED]?: boolean;
};

function eventsOf(ws: WebSocket): TransportEvents {
  return (ws as BoundSocket)[EVENTS];
}

function onOpen(this: WebSocket): void {
  eventsOf(this).onOpen(this.protocol);
}

function onMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
  eventsOf(this).onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), !isBinary);
}

function onError(this: WebSocket, error: Error & { code?: string }): void {
  if ((this as BoundSocket)[REFUSED] === true) return; // ws's "closed before established": the refusal said why
  const code =
    error.code === undefined
      ? 0
      : (FAILURE_CODES[error.code] ?? (error.code.startsWith('WS_ERR_') ? CloseCode.PROTOCOL_ERROR : 0));
  // ws's words for its `handshakeTimeout`; wspeer's reasons are `CloseReason`s.
  const message = error.message === 'Opening handshake has timed out' ? CloseReason.HANDSHAKE_TIMEOUT : error.message;
  eventsOf(this).onError(message, code);
}

function onClose(this: WebSocket, code: number, reason: Buffer): void {
  eventsOf(this).onClose(code, reason.toString(), code !== CloseCode.ABNORMAL);
}

/**
 * Client side: the server answered the upgrade with something other than 101. Reports the status
 * and the reason a wspeer server puts in `X-WebSocket-Reject-Reason` (instead of ws's bare
 * "Unexpected server response: 400"), then aborts the handshake (a close 1006 follows).
 */
function onRefused(this: WebSocket, _request: unknown, response: IncomingMessage): void {
  const header = response.headers['x-websocket-reject-reason'];
  const reason = typeof header === 'string' && header !== '' ? `: ${header.slice(0, 200)}` : '';
  const status = `HTTP ${response.statusCode} ${response.statusMessage ?? ''}`.trimEnd();
  eventsOf(this).onError(`the server refused the connection: ${status}${reason}`);
  (this as BoundSocket)[REFUSED] = true;
  response.resume();
  this.terminate();
}

function onPong(this: WebSocket): void {
  (this as BoundSocket)[BEAT]?.pong();
}

/**
 * Answers a ping (ws's `autoPong` is off). ws's own answer terminates a connection with 60 pongs
 * not yet written, so a burst of 61 pings dropped it with no reason; here a peer may ping up to
 * {@link MAX_PINGS_PER_SECOND} times a second while it reads what we write, and past that the
 * connection fails with 1008 "Too many pings" (a reason the peer and the server's stats see).
 */
function onPing(this: WebSocket, data: Buffer): void {
  const ws = this as BoundSocket;
  if (ws.readyState !== 1) return;
  const now = performance.now();
  let window = ws[PINGS];
  if (window === undefined || now - window.start >= 1000) {
    window = { start: now, count: 0 };
    ws[PINGS] = window;
  }
  if (++window.count > MAX_PINGS_PER_SECOND || ws.bufferedAmount > MAX_PONG_BACKLOG) {
    // We fail the connection, as ws does on a protocol error: report the code, then close.
    ws[EVENTS].onError(CloseReason.TOO_MANY_PINGS, CloseCode.POLICY_VIOLATION);
    ws.close(CloseCode.POLICY_VIOLATION, CloseReason.TOO_MANY_PINGS);
    return;
  }
  ws.pong(data);
}

/**
 * A {@link Transport} over a `ws` WebSocket (client or server side). Messages arrive as
 * zero-copy `Uint8Array` views. `sendMany` frames a batch itself and writes it as one socket
 * write: server side into one buffer (small payloads copied, large ones by reference), client side
 * masked into one buffer (natively with `bufferutil`). When ws's sender is busy (never with the
 * options wspeer uses) it falls back to corked `ws.send` calls.
 */
export class NodeTransport implements Transport {
  #ws: WebSocket | null = null;

  readonly #events: TransportEvents;

  constructor(events: TransportEvents) {
    this.#events = events;
  }

  /**
   * Connects this transport to a `ws` socket and forwards its events. The listeners are shared
   * functions (no closures per connection); `pong` is only listened to once `heartbeat()` is used.
   */
  bind(ws: WebSocket): void {
    this.#ws = ws;
    (ws as BoundSocket)[EVENTS] = this.#events;
    if (ws.readyState === 0) {
      ws.on('open', onOpen);
      ws.on('unexpected-response', onRefused);
    }
    ws.on('message', onMessage);
    ws.on('ping', onPing);
    ws.on('error', onError);
    ws.on('close', onClose);
  }

  /** `"node-ws"` (a getter: no field per connection). */
  get adapter(): string {
    return 'node-ws';
  }

  /** Bytes `ws` and the TCP socket hold that were not written to the network yet. */
  get bufferedAmount(): number {
    return this.#ws?.bufferedAmount ?? 0;
  }

  /** The remote IP address of the TCP socket. */
  get remoteAddress(): string {
    const ws = this.#ws;
    return (ws && socketOf(ws)?.remoteAddress) || '';
  }

  /** The remote port of the TCP socket. */
  get remotePort(): number {
    const ws = this.#ws;
    return (ws && socketOf(ws)?.remotePort) || 0;
  }

  /** Writes a batch, framed (and masked, client side) into one socket write. */
  sendMany(messages: ReadonlyArray<Uint8Array | string>, count: number): void {
    const ws = this.#ws;
    if (ws === null || ws.readyState !== 1) return;
    const direct = directSocket(ws);
    if (direct !== undefined) {
      if ((ws as unknown as WsInternals)._isServer === true) writeFrames(direct, messages, count);
      else writeMaskedFrames(direct, messages, count);
      return;
    }
    if (count === 1) {
      const m = messages[0] as Uint8Array | string;
      ws.send(m, typeof m === 'string' ? TEXT : BINARY);
      return;
    }
    const socket = socketOf(ws);
    socket?.cork();
    for (let i = 0; i < count; i++) {
      const m = messages[i] as Uint8Array | string;
      ws.send(m, typeof m === 'string' ? TEXT : BINARY);
    }
    socket?.uncork();
  }

  /** Starts the close handshake (`ws.close`); drops the socket if `ws` refuses the code. */
  close(code: number, reason: string): void {
    try {
      this.#ws?.close(code, reason);
    } catch {
      this.#ws?.terminate();
    }
  }

  /** Drops the socket at once (`ws.terminate`). */
  terminate(): void {
    this.#ws?.terminate();
  }

  /** Pings every half `intervalMs` with `ws.ping()`; false once a ping went unanswered (see `Heartbeat`). */
  heartbeat(now: number, intervalMs: number, read = true): boolean {
    const ws = this.#ws as BoundSocket | null;
    if (ws === null || ws.readyState !== 1) return true;
    let beat = ws[BEAT];
    if (beat === undefined) {
      beat = new Heartbeat();
      ws[BEAT] = beat;
      ws.on('pong', onPong);
    }
    return beat.beat(now, intervalMs, ws, read);
  }

  /** Stops reading from the socket (`ws.pause`). */
  pause(): boolean {
    this.#ws?.pause();
    return this.#ws !== null;
  }

  /** Resumes reading (`ws.resume`). */
  resume(): void {
    this.#ws?.resume();
  }

  /** Sets the TCP socket's no-delay option. */
  setNoDelay(enabled: boolean): boolean {
    const socket = this.#ws ? socketOf(this.#ws) : undefined;
    if (socket === undefined) return false;
    socket.setNoDelay(enabled);
    return true;
  }
}

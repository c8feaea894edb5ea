import type { PendingConnection } from './connection-listener.js';
import { GatedConnection } from './gated-connection.js';
import type { ServerCounters } from './server-stats.js';
import type { Transport, TransportEvents } from './transport.js';
import { setUnrefTimeout } from './unref-timeout.js';
import { utf8Length } from './utf8.js';
import type { WebSocketPeer } from './websocket-peer.js';

/**
 * What a server does with a client that sends more than its limits allow within one second:
 * `pause` stops reading from it until the second is over (TCP back-pressure: nothing is lost, the
 * sender slows down), `drop` discards the excess messages (counted), `cut` disconnects it with
 * 1008 "Rate limit exceeded".
 */
export type RateLimitPolicy = 'pause' | 'drop' | 'cut';

/** Default `maxMessagesPerSecond` of a server's clients. */
export const DEFAULT_MAX_MESSAGES_PER_SECOND = 2000;
/** Default `maxBytesPerSecond` of a server's clients (1 MiB): what one sender may make the server relay to each other client. */
export const DEFAULT_MAX_BYTES_PER_SECOND = 1024 * 1024;

/** The per-sender limits, read live (changing them applies to connected clients too). */
export interface SenderLimits {
  /** Most messages one client may send per second; 0 = no limit. */
  maxMessagesPerSecond: number;
  /** Most payload bytes one client may send per second; 0 = no limit. */
  maxBytesPerSecond: number;
  /** What happens past them. */
  rateLimitPolicy: RateLimitPolicy;
}

/** The server side a {@link SenderGate} reports to. */
export interface GateOwner {
  /** The limits. */
  readonly limits: SenderLimits;
  /** The server's counters. */
  readonly counters: ServerCounters;
  /** Cuts `peer` for going over its limits (policy `cut`). */
  cut(peer: WebSocketPeer): void;
  /** The socket of `peer` is failing with `code` (1009, a protocol error, too many pings): it leaves now. */
  failed(peer: WebSocketPeer, code: number, reason: string): void;
}

/** Policy `drop` holds this client's reading instead (set by {@link SenderGate.keepEveryMessage}). */
const LOSSLESS = 1;
/** The peer asked to pause (its inbound queue is full). */
const PEER_PAUSED = 2;
/** A rate limit holds reading until its window is over. */
const RATE_HELD = 4;
/** The server cut the client, or it failed: nothing more is read. */
const CUT = 8;
/** The socket is paused. */
const PAUSED = 16;
/** `close()` was called: what still arrives is discarded. */
const CLOSING = 32;

/**
 * One client's gate on a server, between its socket and its peer: it counts the traffic into the
 * server's counters and enforces the per-sender limits. It wraps the pending connection the peer
 * accepts, so it sits on both sides of the transport (its events on the way in, its writes and
 * flow control on the way out) and client bundles carry none of it, the way a debug trace wraps a
 * connection. Messages and bytes are counted in one-second windows; the clock is read only when a
 * budget is exceeded, so the hot path is two additions and two comparisons.
 */
export class SenderGate implements TransportEvents, Transport {
  readonly #owner: GateOwner;
  readonly #peer: WebSocketPeer;
  #events: TransportEvents | null = null;
  #transport: Transport | null = null;
  /** The current window began with the connection, or at the first message over budget after it ended. */
  #windowStart = performance.now();
  #messages = 0;
  #bytes = 0;
  /**
   * The gate's switches as bits of one small integer (see `LOSSLESS`...`CLOSING` below): a server
   * holds one gate per idle client, and five booleans would take five fields.
   */
  #flags = 0;

  constructor(owner: GateOwner, peer: WebSocketPeer) {
    this.#owner = owner;
    this.#peer = peer;
  }

  /**
   * The pending connection as the peer should accept it: accepting it puts this gate between the
   * socket and the peer, with the server's close timeout (`closeTimeoutMs`).
   */
  connection(pending: PendingConnection, closeTimeoutMs: number): PendingConnection {
    return new GatedConnection(pending, this, closeTimeoutMs);
  }

  /** What accepting the pending connection from {@link SenderGate.connection} does: accepts `pending` with this gate as its events and transport. */
  attach(
    pending: PendingConnection,
    protocol: string,
    headers: readonly string[],
    maxMessageSize: number,
    events: TransportEvents,
    closeTimeoutMs: number,
  ): Transport {
    this.#events = events;
    this.#transport = pending.accept(protocol, headers, maxMessageSize, this, closeTimeoutMs);
    return this;
  }

  /**
   * Policy `drop` holds this client's reading instead (as `pause`): for a client whose session
   * promises every message exactly once (resume), where a dropped message would break the count.
   */
  keepEveryMessage(): void {
    this.#flags |= LOSSLESS;
  }

  /** The server cut the client (or it failed its connection): stop reading it for good. */
  cut(): void {
    this.#flags |= CUT;
    this.#updatePause();
  }

  // --- the socket's events, on their way to the peer ---

  /** Forwards the open event. */
  onOpen(protocol: string): void {
    this.#events?.onOpen(protocol);
  }

  /** Counts a message and forwards it unless a limit or a close says otherwise. */
  onMessage(data: Uint8Array | string, isText: boolean): void {
    const size = typeof data === 'string' ? utf8Length(data) : data.byteLength;
    const counters = this.#owner.counters;
    if ((this.#flags & (CLOSING | CUT)) !== 0) {
      // Discarded, and still counted against the limits (reading pauses past them, whatever the policy).
      counters.refused.count('after-close');
      if (this.#over(size)) this.#hold(size);
      return;
    }
    if (this.#over(size) && !this.#overLimit(size)) return;
    counters.messagesIn++;
    counters.bytesIn += size;
    this.#events?.onMessage(data, isText);
  }

  /** Forwards an error; one that fails the connection (a close code) makes the client leave the server at once. */
  onError(message: string, closeCode?: number): void {
    this.#events?.onError(message, closeCode);
    if (closeCode !== undefined && closeCode !== 0) this.#owner.failed(this.#peer, closeCode, message);
  }

  /** Forwards the close event. */
  onClose(code: number, reason: string, wasClean: boolean): void {
    this.#events?.onClose(code, reason, wasClean);
  }

  // --- the socket, as the peer sees it ---

  /** The socket's adapter. */
  get adapter(): string {
    return this.#transport?.adapter ?? '';
  }

  /** The socket's backlog. */
  get bufferedAmount(): number {
    return this.#transport?.bufferedAmount ?? 0;
  }

  /** The socket's remote address. */
  get remoteAddress(): string {
    return this.#transport?.remoteAddress ?? '';
  }

  /** The socket's remote port. */
  get remotePort(): number {
    return this.#transport?.remotePort ?? 0;
  }

  /** Writes a batch and counts it (messages, bytes, and the backlog it leaves). */
  sendMany(messages: ReadonlyArray<Uint8Array | string>, count: number): void {
    const transport = this.#transport;
    if (transport === null) return;
    transport.sendMany(messages, count);
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const m = messages[i] as Uint8Array | string;
      bytes += typeof m === 'string' ? utf8Length(m) : m.byteLength;
    }
    const counters = this.#owner.counters;
    counters.messagesOut += count;
    counters.bytesOut += bytes;
    const backlog = transport.bufferedAmount;
    if (backlog > counters.outboundQueueHighWater) counters.outboundQueueHighWater = backlog;
  }

  /**
   * Starts the close handshake; what still arrives is discarded. Reading resumes if only the peer's
   * full queue paused it (the peer dropped its queue), so the answer to our close frame can arrive.
   */
  close(code: number, reason: string): void {
    this.#flags = (this.#flags | CLOSING) & ~PEER_PAUSED;
    this.#updatePause();
    this.#transport?.close(code, reason);
  }

  /** Drops the socket. */
  terminate(): void {
    this.#flags |= CLOSING;
    this.#transport?.terminate();
  }

  /** The socket's heartbeat; while reading is paused, a pong may be waiting unread (no judgement). */
  heartbeat(now: number, intervalMs: number, read = true): boolean {
    const transport = this.#transport;
    if (transport?.heartbeat === undefined) return true;
    return transport.heartbeat(now, intervalMs, read && (this.#flags & PAUSED) === 0);
  }

  /** The peer's inbound queue is full: pause (server transports can). */
  pause(): boolean {
    this.#flags |= PEER_PAUSED;
    this.#updatePause();
    return true;
  }

  /** The peer's inbound queue drained. */
  resume(): void {
    this.#flags &= ~PEER_PAUSED;
    this.#updatePause();
  }

  /** The socket's Nagle setting. */
  setNoDelay(enabled: boolean): boolean {
    return this.#transport?.setNoDelay?.(enabled) ?? false;
  }

  /** Pauses the socket while the peer, a rate limit or a cut wants it; resumes when none does. */
  #updatePause(): void {
    const transport = this.#transport;
    const flags = this.#flags;
    const wanted = (flags & (PEER_PAUSED | RATE_HELD | CUT)) !== 0;
    if (transport === null || wanted === ((flags & PAUSED) !== 0)) return;
    this.#flags = wanted ? flags | PAUSED : flags & ~PAUSED;
    if (wanted) transport.pause?.();
    else transport.resume?.();
  }

  /** Adds a message to the window; whether it goes over a limit. */
  #over(size: number): boolean {
    const limits = this.#owner.limits;
    const messages = ++this.#messages;
    const bytes = this.#bytes + size;
    this.#bytes = bytes;
    const maxMessages = limits.maxMessagesPerSecond;
    const maxBytes = limits.maxBytesPerSecond;
    return (maxMessages > 0 && messages > maxMessages) || (maxBytes > 0 && bytes > maxBytes);
  }

  /** A budget is exceeded: a new window if the last one is over, else the policy. True to take the message. */
  #overLimit(size: number): boolean {
    if (this.#newWindow(size)) return true;
    const owner = this.#owner;
    switch (owner.limits.rateLimitPolicy) {
      case 'drop':
        if ((this.#flags & LOSSLESS) !== 0) break;
        owner.counters.refused.count('rate-limit');
        return false;
      case 'cut':
        owner.cut(this.#peer);
        return false;
      default:
        break;
    }
    this.#hold(size);
    return true;
  }

  /** Starts a new window with this message if the last one is over; whether it did. */
  #newWindow(size: number): boolean {
    const now = performance.now();
    if (now - this.#windowStart < 1000) return false;
    this.#windowStart = now;
    this.#messages = 1;
    this.#bytes = size;
    return true;
  }

  /** Stops reading until the window is over (unless a new window starts with this message). */
  #hold(size: number): void {
    if ((this.#flags & RATE_HELD) !== 0 || this.#newWindow(size)) return;
    this.#flags |= RATE_HELD;
    this.#owner.counters.throttled++;
    this.#updatePause();
    setUnrefTimeout(
      () => {
        this.#flags &= ~RATE_HELD;
        this.#updatePause();
      },
      this.#windowStart + 1000 - performance.now(),
    );
  }
}

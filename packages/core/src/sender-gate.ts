import type { InboundGate } from './inbound-gate.js';
import { HOLD_READING } from './internal-keys.js';
import type { ServerCounters } from './server-stats.js';
import { setUnrefTimeout } from './unref-timeout.js';
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
}

/**
 * One client's gate on a server: counts its traffic into the server's counters and enforces the
 * per-sender limits. Messages and bytes are counted in one-second windows; the clock is read only
 * when a budget is exceeded, so the hot path is two additions and two comparisons.
 */
export class SenderGate implements InboundGate {
  readonly #owner: GateOwner;
  /** The current window began with the connection, or at the first message over budget after it ended. */
  #windowStart = performance.now();
  #messages = 0;
  #bytes = 0;
  #holding = false;

  constructor(owner: GateOwner) {
    this.#owner = owner;
  }

  /** Counts a message; applies the policy when it goes over a limit. */
  admit(peer: WebSocketPeer, size: number, queued: number): boolean {
    if (this.#over(size) && !this.#overLimit(peer, size)) return false;
    const counters = this.#owner.counters;
    counters.messagesIn++;
    counters.bytesIn += size;
    if (queued + size > counters.inboundQueueHighWater) counters.inboundQueueHighWater = queued + size;
    return true;
  }

  /** Counts a message queued for sending. */
  sent(size: number, backlog: number): void {
    const counters = this.#owner.counters;
    counters.messagesOut++;
    counters.bytesOut += size;
    if (backlog > counters.outboundQueueHighWater) counters.outboundQueueHighWater = backlog;
  }

  /** Counts a message discarded after a local close; past the limits reading pauses, whatever the policy. */
  discarded(peer: WebSocketPeer, size: number): void {
    this.#owner.counters.refused.count('after-close');
    if (this.#over(size)) this.#hold(peer, size);
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
  #overLimit(peer: WebSocketPeer, size: number): boolean {
    if (this.#newWindow(size)) return true;
    const owner = this.#owner;
    switch (owner.limits.rateLimitPolicy) {
      case 'drop':
        owner.counters.refused.count('rate-limit');
        return false;
      case 'cut':
        owner.cut(peer);
        return false;
      default:
        this.#hold(peer, size);
        return true;
    }
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

  /** Stops reading `peer` until its window is over (unless a new window starts with this message). */
  #hold(peer: WebSocketPeer, size: number): void {
    if (this.#holding || this.#newWindow(size)) return;
    this.#holding = true;
    this.#owner.counters.throttled++;
    peer[HOLD_READING](true);
    setUnrefTimeout(
      () => {
        this.#holding = false;
        peer[HOLD_READING](false);
      },
      this.#windowStart + 1000 - performance.now(),
    );
  }
}

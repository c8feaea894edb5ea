import { CloseCode } from './constants/close-code.js';
import { ErrorCode } from './constants/error-code.js';
import { RECONNECT } from './internal-keys.js';
import { opened } from './opened.js';
import { SignalEmitter } from './signal-emitter.js';
import type { WebSocketPeer } from './websocket-peer.js';

/** Settings of a {@link Reconnect}; every one is also a writable property. */
export interface ReconnectOptions {
  /** Seconds before the first attempt after a drop (default 0.25). */
  minDelay?: number;
  /** Most seconds between two attempts (default 10). */
  maxDelay?: number;
  /** How much the delay grows after each failed attempt (default 2). */
  factor?: number;
  /** Random share of each delay, 0 to 1 (default 0.5): a delay `d` becomes `d * (1 - jitter * random())`. */
  jitter?: number;
  /** Attempts after a drop before giving up with `reconnect_failed` (default 10; `Infinity`: never). */
  maxAttempts?: number;
}

/** Signals of a {@link Reconnect}. */
export interface ReconnectEvents {
  /** Attempt number `attempt` (1, 2, ...) starts in `delay` seconds. */
  reconnecting: (attempt: number, delay: number) => void;
  /** The connection is back after `attempts` attempts. */
  reconnected: (attempts: number) => void;
  /** `attempts` attempts failed: no more follow (until the next drop of a new connection). */
  reconnect_failed: (attempts: number) => void;
}

/** An event target, as browsers have them (core compiles without DOM types). */
interface Target {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** A failed attempt: its end reaches the `Reconnect` through the peer, not through this promise. */
function ignore(): void {}

/** The page's window and document where there is one (browsers), for `online` and `visibilitychange`. */
const page = globalThis as unknown as Partial<Target> & { document?: Target & { visibilityState: string } };

/** What a {@link Reconnect} calls to start one attempt; `OK` when it started. */
export type ReconnectRetry = () => ErrorCode;

/**
 * Close codes after which a connection is retried (besides an unclean end and a failed attempt):
 * the server went away or restarts, or asked to come back later. A normal close (1000), a policy
 * cut (1008) or a protocol error is final.
 */
function retriable(code: number): boolean {
  return (
    code === CloseCode.UNCLEAN ||
    code === CloseCode.ABNORMAL ||
    code === CloseCode.GOING_AWAY ||
    (code >= CloseCode.INTERNAL_ERROR && code <= 1014)
  );
}

/**
 * Opt-in automatic reconnect: exponential backoff with jitter, a retry limit, a way to stop, and a
 * signal per attempt. Give one to a client (`new WebSocketPeer({ reconnect: new Reconnect() })`,
 * `WebSocketClient`, or a `WebSocketMultiplayerPeer` client, where a `Resume` also keeps the peer
 * id); it acts when a connection that was open ends without the local side closing it (unclean,
 * 1001, 1011-1014), and keeps trying while attempts fail. In browsers an attempt waiting for its
 * delay starts at once when the page comes back (`visibilitychange`) or the network does (`online`).
 * Its own module: bundles that do not use it carry none of it.
 */
export class Reconnect extends SignalEmitter<ReconnectEvents> {
  /** Seconds before the first attempt. */
  minDelay: number;
  /** Most seconds between attempts. */
  maxDelay: number;
  /** Growth of the delay per failed attempt. */
  factor: number;
  /** Random share of each delay (0 to 1). */
  jitter: number;
  /** Attempts before giving up. */
  maxAttempts: number;
  #attempt = 0;
  #timer: unknown;
  #retry: ReconnectRetry | null = null;
  #enabled = true;
  #listening = false;
  readonly #wake = (): void => {
    if (page.document?.visibilityState !== 'hidden') this.retryNow();
  };

  constructor(options: ReconnectOptions = {}) {
    super();
    this.minDelay = options.minDelay ?? 0.25;
    this.maxDelay = options.maxDelay ?? 10;
    this.factor = options.factor ?? 2;
    this.jitter = options.jitter ?? 0.5;
    this.maxAttempts = options.maxAttempts ?? 10;
  }

  /** Attempts made since the last drop (0 while connected). */
  get attempts(): number {
    return this.#attempt;
  }

  /** Whether an attempt is waiting for its delay or under way. */
  get isReconnecting(): boolean {
    return this.#retry !== null;
  }

  /** Whether drops are retried: `stop()` sets it false; set it true to retry the next drop again. */
  get enabled(): boolean {
    return this.#enabled;
  }

  /** Sets `enabled` (see the getter); false cancels a waiting attempt like `stop()`. */
  set enabled(enabled: boolean) {
    if (!enabled) this.stop();
    else this.#enabled = true;
  }

  /**
   * Stops reconnecting: a waiting attempt is cancelled and no drop is retried until `enabled` is
   * set again. The owner then reports the connection as ended, as without reconnect.
   */
  stop(): void {
    this.#enabled = false;
    this.#attempt = 0;
    this.#cancel();
  }

  /** Starts the waiting attempt now instead of after its delay (no effect when none waits). */
  retryNow(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#attemptNow();
  }

  /**
   * Called by a client peer when its connection ended without it closing it (`wasOpen` false: an
   * attempt failed). Each attempt watches for the connection to open (a promise per attempt, so
   * the peer needs no hook for it).
   */
  [RECONNECT](peer: WebSocketPeer, wasOpen: boolean): void {
    this.lost(
      () => {
        const err = peer.connectToUrl(peer.requestedUrl);
        if (err === ErrorCode.OK) opened(peer).then(() => this.opened(), ignore);
        return err;
      },
      peer.closeCode,
      wasOpen,
    );
  }

  /**
   * A connection ended without the local side closing it (`code`: its close code, `UNCLEAN` for a
   * drop) or an attempt failed (`wasOpen` false); `retry` starts the next attempt. Returns whether
   * one follows (false: the end is final).
   */
  protected lost(retry: ReconnectRetry, code: number, wasOpen: boolean): boolean {
    if (!this.#enabled || (wasOpen && !retriable(code))) {
      this.#cancel();
      this.#attempt = 0;
      return false;
    }
    this.#retry = retry;
    if (this.#attempt >= this.maxAttempts) {
      const attempts = this.#attempt;
      this.#cancel();
      this.#attempt = 0;
      this.emit('reconnect_failed', attempts);
      return false;
    }
    const base = Math.min(this.maxDelay, this.minDelay * this.factor ** this.#attempt);
    const delay = base * (1 - Math.min(1, Math.max(0, this.jitter)) * Math.random());
    this.#attempt++;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#attemptNow();
    }, delay * 1000);
    this.#listen(true);
    this.emit('reconnecting', this.#attempt, delay);
    return true;
  }

  /** The connection is back (or opened): the next drop starts from the first attempt again. */
  protected opened(): void {
    const attempts = this.#attempt;
    this.#cancel();
    this.#attempt = 0;
    if (attempts > 0) this.emit('reconnected', attempts);
  }

  #attemptNow(): void {
    const retry = this.#retry;
    if (retry === null) return;
    this.#listen(false);
    // An attempt that cannot even start counts as failed: the next one follows after its delay.
    if (retry() !== ErrorCode.OK) this.lost(retry, CloseCode.UNCLEAN, false);
  }

  #cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#retry = null;
    this.#listen(false);
  }

  /** Browsers: wake on `online` and on the page becoming visible while an attempt waits. */
  #listen(on: boolean): void {
    if (on === this.#listening || page.addEventListener === undefined) return;
    this.#listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    page[method]?.('online', this.#wake);
    page.document?.[method]('visibilitychange', this.#wake);
  }
}

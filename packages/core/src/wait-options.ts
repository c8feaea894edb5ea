/**
 * The part of an `AbortSignal` the promise helpers use (the DOM's and Node's both fit; declared
 * here because the core compiles without DOM or Node types).
 */
export interface AbortSignalLike {
  /** Whether the signal was aborted. */
  readonly aborted: boolean;
  /** Why it was aborted (an `AbortError` `DOMException` unless `abort(reason)` gave one). */
  readonly reason?: unknown;
  /** Subscribes to the abort. */
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  /** Unsubscribes from the abort. */
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * How long a promise helper waits (`opened(peer, { timeoutMs: 5000, signal })`). A plain number is
 * the same as `{ timeoutMs }`.
 */
export interface WaitOptions {
  /** Reject with `ERR_TIMEOUT` after this many milliseconds (0 or absent: no timeout). */
  timeoutMs?: number;
  /** Reject with the signal's `reason` when it is aborted (at once if it already is). */
  signal?: AbortSignalLike;
}

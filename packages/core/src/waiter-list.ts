import { ErrorCode } from './constants/error-code.js';
import type { WaitOptions } from './wait-options.js';
import { WebSocketError } from './websocket-error.js';

/**
 * Pending promises that settle when a condition becomes true after a poll. A waiter's `check`
 * returns `undefined` to keep waiting, an `Error` to reject, or anything else to resolve with it.
 */
export class WaiterList<S> {
  /** One function per pending promise: runs its check and settles the promise once the check decides. */
  readonly #waiters = new Set<(subject: S) => void>();

  /** How many promises are pending. */
  get size(): number {
    return this.#waiters.size;
  }

  /**
   * Adds a promise. `check(subject)` runs now and after every `settle` until it returns something
   * other than `undefined`. `options` is a timeout in ms or `{ timeoutMs, signal }`: after the
   * timeout (if > 0) the promise rejects with `ERR_TIMEOUT`; when the signal aborts, with its reason.
   */
  wait<T>(
    subject: S,
    what: string,
    options: WaitOptions | number,
    check: (subject: S) => T | Error | undefined,
  ): Promise<T> {
    const { timeoutMs = 0, signal } = typeof options === 'number' ? { timeoutMs: options } : options;
    return new Promise<T>((resolve, reject) => {
      let timer: unknown;
      // The one settle path: a check's answer, the abort and the timeout all end here.
      const finish = (value: unknown, failed: boolean): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', aborted);
        this.#waiters.delete(waiter);
        if (failed) reject(value);
        else resolve(value as T);
      };
      const waiter = (s: S): void => {
        const result = check(s);
        if (result !== undefined) finish(result, result instanceof Error);
      };
      const aborted = (): void => finish(signal?.reason, true);
      if (signal?.aborted) return aborted();
      this.#waiters.add(waiter);
      waiter(subject);
      if (!this.#waiters.has(waiter)) return;
      signal?.addEventListener('abort', aborted, { once: true });
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          const message = `ERR_TIMEOUT: timed out after ${timeoutMs} ms waiting for ${what}`;
          finish(new WebSocketError(ErrorCode.ERR_TIMEOUT, message), true);
        }, timeoutMs);
      }
    });
  }

  /** Runs every pending check against the current state (a check that settles leaves the set). */
  settle(subject: S): void {
    for (const waiter of this.#waiters) waiter(subject);
  }
}

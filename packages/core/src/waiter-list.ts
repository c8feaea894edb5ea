import { ErrorCode } from './constants/error-code.js';
import type { WaitOptions } from './wait-options.js';
import { WebSocketError } from './websocket-error.js';

/**
 * Pending promises that settle when a condition becomes true after a poll. A waiter's `check`
 * returns `undefined` to keep waiting, an `Error` to reject, or anything else to resolve with it.
 */
export class WaiterList<S> {
  #waiters: Array<(subject: S) => boolean> = [];

  /** Whether any promise is pending. */
  get size(): number {
    return this.#waiters.length;
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
      const waiter = (s: S): boolean => {
        const result = check(s);
        if (result === undefined) return false;
        finish(result instanceof Error, result);
        return true;
      };
      const aborted = (): void => finish(true, signal?.reason);
      const finish = (failed: boolean, value: unknown): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', aborted);
        const i = this.#waiters.indexOf(waiter);
        if (i >= 0) this.#waiters.splice(i, 1);
        if (failed) reject(value);
        else resolve(value as T);
      };
      if (signal?.aborted) return aborted();
      if (waiter(subject)) return;
      this.#waiters.push(waiter);
      signal?.addEventListener('abort', aborted, { once: true });
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          const message = `ERR_TIMEOUT: timed out after ${timeoutMs} ms waiting for ${what}`;
          finish(true, new WebSocketError(ErrorCode.ERR_TIMEOUT, message));
        }, timeoutMs);
      }
    });
  }

  /** Runs every pending check against the current state. */
  settle(subject: S): void {
    for (const waiter of this.#waiters.slice()) waiter(subject);
  }
}

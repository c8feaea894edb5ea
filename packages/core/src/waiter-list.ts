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
    const timeoutMs = typeof options === 'number' ? options : (options.timeoutMs ?? 0);
    const signal = typeof options === 'number' ? undefined : options.signal;
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', aborted);
        const i = this.#waiters.indexOf(waiter);
        if (i >= 0) this.#waiters.splice(i, 1);
      };
      const waiter = (s: S): boolean => {
        const result = check(s);
        if (result === undefined) return false;
        finish();
        if (result instanceof Error) reject(result);
        else resolve(result);
        return true;
      };
      const aborted = (): void => {
        finish();
        reject(signal?.reason);
      };
      if (waiter(subject)) return;
      this.#waiters.push(waiter);
      signal?.addEventListener('abort', aborted, { once: true });
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          finish();
          reject(
            new WebSocketError(
              ErrorCode.ERR_TIMEOUT,
              `ERR_TIMEOUT: timed out after ${timeoutMs} ms waiting for ${what}`,
            ),
          );
        }, timeoutMs);
      }
    });
  }

  /** Runs every pending check against the current state. */
  settle(subject: S): void {
    for (const waiter of this.#waiters.slice()) waiter(subject);
  }
}

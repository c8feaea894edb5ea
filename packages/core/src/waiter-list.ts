import { ErrorCode } from './constants/error-code.js';
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
   * other than `undefined`; after `timeoutMs` (if > 0) the promise rejects with `ERR_TIMEOUT`.
   */
  wait<T>(subject: S, what: string, timeoutMs: number, check: (subject: S) => T | Error | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter = (s: S): boolean => {
        const result = check(s);
        if (result === undefined) return false;
        this.#remove(waiter, timer);
        if (result instanceof Error) reject(result);
        else resolve(result);
        return true;
      };
      if (waiter(subject)) return;
      this.#waiters.push(waiter);
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          this.#remove(waiter, undefined);
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

  #remove(waiter: (subject: S) => boolean, timer: ReturnType<typeof setTimeout> | undefined): void {
    if (timer !== undefined) clearTimeout(timer);
    const i = this.#waiters.indexOf(waiter);
    if (i >= 0) this.#waiters.splice(i, 1);
  }
}

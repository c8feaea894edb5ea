import { ErrorCode } from './constants/error-code.js';
import { msg } from './msg.js';
import type { WaitOptions } from './wait-options.js';
import { WebSocketError } from './websocket-error.js';

/**
 * Pending promises that settle when a condition becomes true. A waiter's `check` returns
 * `undefined` to keep waiting, an `Error` to reject, or anything else to resolve with it; it runs
 * when the promise is made (with no subject) and at every `settle(subject)`.
 */
export class WaiterList<S = undefined> {
  /** One function per pending promise: the only way it settles (check, abort or timeout). */
  readonly #waiters = new Set<(subject?: S, timedOut?: boolean) => void>();

  /** How many promises are pending. */
  get size(): number {
    return this.#waiters.size;
  }

  /**
   * Adds a promise. `check` runs now and at every `settle` until it returns something other than
   * `undefined`. `options` is a timeout in ms or `{ timeoutMs, signal }`: after the timeout (if > 0)
   * the promise rejects with `ERR_TIMEOUT` (its message says it was waiting for `what`); when the
   * signal aborts (or already has), with its reason.
   */
  wait<T>(what: string, options: WaitOptions | number, check: (subject?: S) => T | Error | undefined): Promise<T> {
    const { timeoutMs = 0, signal } = typeof options === 'number' ? { timeoutMs: options } : options;
    return new Promise<T>((resolve, reject) => {
      let timer: unknown;
      // Also the abort listener (then the signal says so): one function, one settle path.
      const waiter = (subject?: S, timedOut?: boolean): void => {
        let value: unknown;
        let failed = true;
        if (signal?.aborted) value = signal.reason;
        else if (timedOut) {
          const message = msg`ERR_TIMEOUT: timed out after ${timeoutMs} ms waiting for ${what}`;
          value = new WebSocketError(ErrorCode.ERR_TIMEOUT, message);
        } else {
          value = check(subject);
          if (value === undefined) return;
          failed = value instanceof Error;
        }
        clearTimeout(timer);
        signal?.removeEventListener('abort', waiter);
        this.#waiters.delete(waiter);
        (failed ? reject : resolve)(value as T);
      };
      this.#waiters.add(waiter);
      waiter();
      if (!this.#waiters.has(waiter)) return;
      signal?.addEventListener('abort', waiter); // (settling removes it)
      if (timeoutMs > 0) timer = setTimeout(() => waiter(undefined, true), timeoutMs);
    });
  }

  /** Runs every pending check with `subject` (a check that settles leaves the list). */
  settle(subject?: S): void {
    for (const waiter of this.#waiters) waiter(subject);
  }
}

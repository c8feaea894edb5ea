import { ErrorCode } from './error-code.js';
import { WebSocketError } from './websocket-error.js';

interface Waiter<S> {
  check: (subject: S) => boolean;
  timer: unknown;
}

/**
 * Pending promises that settle when a condition becomes true after a poll. Each waiter's `check`
 * resolves or rejects its own promise and returns true when done.
 */
export class WaiterList<S> {
  private waiters: Array<Waiter<S>> = [];

  /** Whether any promise is pending. */
  get size(): number {
    return this.waiters.length;
  }

  /**
   * Adds a promise. `check(subject, resolve, reject)` runs now and after every poll until it returns
   * true; after `timeoutMs` (if > 0) the promise rejects with `ERR_TIMEOUT`.
   */
  wait<T>(
    subject: S,
    what: string,
    timeoutMs: number,
    check: (subject: S, resolve: (value: T) => void, reject: (error: Error) => void) => boolean,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<S> = { check: () => false, timer: undefined };
      const done = (): void => {
        if (waiter.timer !== undefined) clearTimeout(waiter.timer);
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
      };
      waiter.check = (s) =>
        check(
          s,
          (v) => {
            done();
            resolve(v);
          },
          (e) => {
            done();
            reject(e);
          },
        );
      if (waiter.check(subject)) return;
      this.waiters.push(waiter);
      if (timeoutMs > 0) {
        waiter.timer = setTimeout(() => {
          done();
          reject(new WebSocketError(ErrorCode.ERR_TIMEOUT, `timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
      }
    });
  }

  /** Runs every pending check against the current state. */
  settle(subject: S): void {
    for (const waiter of this.waiters.slice()) waiter.check(subject);
  }
}

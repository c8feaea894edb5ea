import { reportHandlerError } from './handler-error.js';

/**
 * Output queued during a turn and written at its end, once: a peer's outbound batch. The turn
 * holds it from the first `flushAtTurnEnd` until it is flushed.
 */
export interface TurnFlushable {
  /** Writes what was queued this turn (one socket write where the runtime allows). */
  flushTurn(): void;
}

/** Settled once: `then` on it queues a microtask without the per-call async resource of Node's `queueMicrotask`. */
const SETTLED = Promise.resolve();

/** Batches to flush at the end of this turn, in the order they were first queued. */
const pending: TurnFlushable[] = [];
let flushQueued = false;
/** Above 0 while `runInTurn` runs a task: the task's end flushes, so no flush microtask is queued. */
let running = 0;

/**
 * Queues `task` as a microtask: the same FIFO queue as `queueMicrotask`, at less than half its
 * cost in Node. The task must not throw (wrap it with {@link runInTurn}): an exception would
 * surface as an unhandled rejection. The only way any wspeer layer defers work.
 */
export function scheduleMicrotask(task: () => void): void {
  SETTLED.then(task);
}

/**
 * Asks for `batch.flushTurn()` at the end of the current turn: after the running auto-poll task if
 * one is running (its handlers' sends go out with it), else in one shared microtask. Call it once
 * per batch and turn (the batch tracks whether it is queued).
 */
export function flushAtTurnEnd(batch: TurnFlushable): void {
  pending.push(batch);
  if (!flushQueued && running === 0) {
    flushQueued = true;
    scheduleMicrotask(flushAll);
  }
}

/**
 * Runs `task` (an auto-poll) as a unit of the turn: an exception is reported (see
 * `setHandlerErrorReporter`), and everything queued while it ran is written when it returns, still
 * one write per peer.
 */
export function runInTurn(task: () => void, where: string): void {
  running++;
  try {
    task();
  } catch (error) {
    reportHandlerError(error, where);
  } finally {
    if (--running === 0 && pending.length > 0) flushAll();
  }
}

/** Writes every queued batch (one write per peer): the shared flush microtask, or the end of `runInTurn`. */
function flushAll(): void {
  flushQueued = false;
  for (let i = 0; i < pending.length; i++) {
    try {
      (pending[i] as TurnFlushable).flushTurn();
    } catch (error) {
      reportHandlerError(error, 'flush');
    }
  }
  pending.length = 0;
}

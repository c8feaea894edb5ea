import { runInTurn, scheduleMicrotask } from './turn.js';

/**
 * Polls its owner as soon as something arrives, for code without a game loop: `request()` queues
 * one poll per turn (a microtask, no timer delay); the poll runs through {@link runInTurn}, so what
 * its handlers send goes out when it ends. Used by every layer that auto-polls.
 */
export class AutoPoll {
  #scheduled = false;
  /** The poll as a task, bound once: also what a heartbeat timer calls. */
  declare readonly task: () => void;

  constructor(poll: () => void, where = 'poll') {
    this.task = () => {
      this.#scheduled = false;
      runInTurn(poll, where);
    };
  }

  /** Queues a poll unless one is queued already. */
  request(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    scheduleMicrotask(this.task);
  }
}

import { DropLog } from '@wspeer/multiplayer';

/**
 * Refused packets of one SceneMultiplayer: counted by kind (a fixed set of names, never remote
 * text, so the table cannot grow), reported to `rpc_refused` listeners or to a rate-limited log.
 */
export class RefusalCounter {
  readonly #counts = new Map<string, number>();
  readonly #log: DropLog;

  /** Where refusals nobody listens to go (`null` silences them; default `console.warn`). */
  constructor(log?: ((line: string) => void) | null) {
    this.#log = new DropLog(log);
  }

  /** Counts one refusal of `kind` and logs `reason` (rate-limited) unless `listened`. */
  note(from: number, kind: string, reason: string, listened: boolean): void {
    this.#counts.set(kind, (this.#counts.get(kind) ?? 0) + 1);
    if (!listened) this.#log.note(from, kind, reason);
  }

  /** Refusals so far, by kind. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }
}

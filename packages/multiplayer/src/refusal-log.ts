import { boundedText, MAX_TALLY_KINDS, msg } from '@wspeer/core';

/** Longest refusal reason a log line carries (reasons quote remote input only bounded already). */
const MAX_LINE_REASON = 200;

/**
 * The refused packets of one client layer (`MultiplayerAPI`, `SceneMultiplayer`) or server room:
 * each counted by kind, and those nobody listened to logged at most once per kind and second, with
 * how many were suppressed in between, so a flood of bad packets cannot flood the log. Kinds are
 * the code's own names (`"spoofed-sender"`), never remote text, and at most {@link MAX_TALLY_KINDS}
 * are kept (further kinds count under `"other"`), so no input grows the table.
 */
export class RefusalLog {
  /** Refusals counted per kind. */
  readonly #counts = new Map<string, number>();
  /** Per kind: when its last line was logged, and how many were suppressed since. */
  readonly #last = new Map<string, [at: number, suppressed: number]>();
  readonly #sink: ((line: string) => void) | null;

  /** Where refusals nobody listened to go (`null` silences them; default `console.warn`). */
  constructor(sink: ((line: string) => void) | null = (line) => console.warn(line)) {
    this.#sink = sink;
  }

  /**
   * Counts one refusal of `kind`; unless `listened` (someone was told), logs `reason` for peer
   * `from`, but not if a refusal of the same kind was logged less than a second ago.
   */
  note(from: number, kind: string, reason: string, listened: boolean): void {
    const counts = this.#counts;
    const key = counts.has(kind) || counts.size < MAX_TALLY_KINDS ? kind : 'other';
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (listened || this.#sink === null) return;
    const now = performance.now();
    const entry = this.#last.get(key);
    if (entry !== undefined && now - entry[0] < 1000) {
      entry[1]++;
      return;
    }
    const more = entry?.[1] ? msg` (${entry[1]} more suppressed)` : '';
    this.#last.set(key, [now, 0]);
    this.#sink(msg`[wspeer] dropped packet from peer ${from}: ${boundedText(reason, MAX_LINE_REASON)}${more}`);
  }

  /** Refusals so far by kind, in the order first refused. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }
}

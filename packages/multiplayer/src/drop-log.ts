import { boundedText, MAX_TALLY_KINDS } from '@wspeer/core';

/** Longest refusal reason a log line carries (reasons quote remote input only bounded already). */
const MAX_LINE_REASON = 200;

/**
 * Rate-limited warnings for refused packets: at most one line per kind of refusal per second,
 * with how many were suppressed in between, so a flood of bad packets cannot flood the log. Kinds
 * are the code's own names (`"spoofed-sender"`), never remote text, and at most
 * {@link MAX_TALLY_KINDS} are tracked, so no input grows the table.
 */
export class DropLog {
  /** Per kind: when its last line was logged, and how many were suppressed since. */
  readonly #last = new Map<string, [at: number, suppressed: number]>();
  readonly #sink: ((line: string) => void) | null;

  constructor(sink: ((line: string) => void) | null = (line) => console.warn(line)) {
    this.#sink = sink;
  }

  /** Logs `reason` for peer `from` unless a refusal of the same `kind` was logged less than a second ago. */
  note(from: number, kind: string, reason: string): void {
    if (this.#sink === null) return;
    const now = performance.now();
    const key = this.#last.has(kind) || this.#last.size < MAX_TALLY_KINDS ? kind : 'other';
    const entry = this.#last.get(key);
    if (entry !== undefined && now - entry[0] < 1000) {
      entry[1]++;
      return;
    }
    const more = entry?.[1] ? ` (${entry[1]} more suppressed)` : '';
    this.#last.set(key, [now, 0]);
    this.#sink(`[wspeer] dropped packet from peer ${from}: ${boundedText(reason, MAX_LINE_REASON)}${more}`);
  }
}

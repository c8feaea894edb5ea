/**
 * Rate-limited warnings for refused packets: at most one line per reason per second, with how
 * many were suppressed in between, so a flood of bad packets cannot flood the log.
 */
export class DropLog {
  readonly #last = new Map<string, { at: number; suppressed: number }>();
  readonly #sink: ((line: string) => void) | null;

  constructor(sink: ((line: string) => void) | null = (line) => console.warn(line)) {
    this.#sink = sink;
  }

  /** Logs `reason` for peer `from` unless the same reason was logged less than a second ago. */
  note(from: number, reason: string): void {
    if (this.#sink === null) return;
    const now = performance.now();
    const kind = reason.replace(/\d+/g, 'N');
    const entry = this.#last.get(kind);
    if (entry !== undefined && now - entry.at < 1000) {
      entry.suppressed++;
      return;
    }
    const more = entry !== undefined && entry.suppressed > 0 ? ` (${entry.suppressed} more suppressed)` : '';
    this.#last.set(kind, { at: now, suppressed: 0 });
    this.#sink(`[wspeer] dropped packet from peer ${from}: ${reason}${more}`);
  }
}

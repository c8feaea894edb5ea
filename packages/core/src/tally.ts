/** Most distinct kinds a {@link Tally} keeps; further kinds are counted under `"other"`. */
export const MAX_TALLY_KINDS = 64;

/**
 * Counts events by kind: refusals, cuts. Kinds are names from the code (`"rate-limit"`,
 * `"spoofed-sender"`), never remote text, and the table is bounded by {@link MAX_TALLY_KINDS}, so
 * no input can grow it.
 */
export class Tally {
  readonly #counts = new Map<string, number>();

  /** Adds `n` (default 1) to `kind`. */
  count(kind: string, n = 1): void {
    const counts = this.#counts;
    const key = counts.has(kind) || counts.size < MAX_TALLY_KINDS ? kind : 'other';
    counts.set(key, (counts.get(key) ?? 0) + n);
  }

  /** The count of `kind` (0 if never counted). */
  get(kind: string): number {
    return this.#counts.get(kind) ?? 0;
  }

  /** The sum of every kind. */
  total(): number {
    let sum = 0;
    for (const n of this.#counts.values()) sum += n;
    return sum;
  }

  /** The counts as a plain object, kinds in the order first counted. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }

  /** Adds every count of `other` into this tally. */
  add(other: Tally): void {
    for (const [kind, n] of other.#counts) this.count(kind, n);
  }
}

/** One JSON line a GDScript printed: `{ "event": "...", ...fields }`. */
export interface GodotEvent {
  event: string;
  [field: string]: unknown;
}

/** What to wait for: an event name, or a predicate over events. */
export type GodotEventMatch = string | ((event: GodotEvent) => boolean);

/**
 * The output of one running Godot (a process or a page), read line by line: every line goes to
 * `output`, and lines that are JSON objects with an `event` field also to `events`. `waitFor` resolves
 * on a matching event and rejects on timeout or once the Godot ended, with the transcript attached.
 */
export class GodotOutput {
  /** Every JSON event printed so far. */
  readonly events: GodotEvent[] = [];
  /** Every output line (prints, errors, diagnostics), for failure messages. */
  readonly output: string[] = [];
  /** Why this Godot ended (exit code, signal or reason), or `null` while it runs. */
  ended: number | string | null = null;
  readonly #listeners = new Set<() => void>();
  readonly #noise: (line: string) => boolean;
  readonly #what: string;

  /** `what` names the Godot in messages; lines for which `noise` is true stay out of the transcript. */
  constructor(what: string, noise: (line: string) => boolean = () => false) {
    this.#what = what;
    this.#noise = noise;
  }

  /** Records one line of standard output: kept, and parsed when it looks like an event. */
  line(text: string): void {
    const line = text.trim();
    if (line === '') return;
    this.output.push(line);
    if (line.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(line);
        if (parsed !== null && typeof parsed === 'object' && typeof (parsed as GodotEvent).event === 'string') {
          this.events.push(parsed as GodotEvent);
        }
      } catch {
        // not an event line
      }
    }
    this.#notify();
  }

  /** Records a diagnostic line (an error, a page event) without parsing it. */
  note(text: string): void {
    this.output.push(text);
    this.#notify();
  }

  /** Marks this Godot as ended: pending and future `waitFor`s for unseen events reject. */
  end(reason: number | string): void {
    if (this.ended !== null) return;
    this.ended = reason;
    this.#notify();
  }

  /** Resolves with the first event (already printed or future) that matches; rejects on timeout or end. */
  waitFor(match: GodotEventMatch, timeoutMs = 10_000): Promise<GodotEvent> {
    const test = typeof match === 'string' ? (e: GodotEvent) => e.event === match : match;
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.events.find(test);
        if (found !== undefined) {
          done();
          resolve(found);
        } else if (this.ended !== null) {
          done();
          reject(new Error(`${this.#what} ended (${this.ended}) before ${describe(match)}:\n${this.transcript()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe(match)}:\n${this.transcript()}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.#listeners.delete(check);
      };
      this.#listeners.add(check);
      check();
    });
  }

  /** All events named `name`. */
  all(name: string): GodotEvent[] {
    return this.events.filter((e) => e.event === name);
  }

  /** The output so far, without noise, for failure messages. */
  transcript(): string {
    return this.output.filter((l) => !this.#noise(l)).join('\n');
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

function describe(match: GodotEventMatch): string {
  return typeof match === 'string' ? `event "${match}"` : 'a matching event';
}

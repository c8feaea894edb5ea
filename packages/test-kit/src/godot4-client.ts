import type { ConsoleMessage, Page } from 'playwright';
import { type GodotEvent, type GodotEventMatch, GodotOutput } from './godot-output.js';
import { GODOT4_EXIT_LINE, GODOT4_START_FAILED_LINE } from './godot4-page.js';

/** How long `stop()` waits for a page to close before giving up on it (the browser's close kills it). */
const PAGE_CLOSE_MS = 5000;

/**
 * Engine errors after which a probe can never do its work (Godot itself keeps running, idle): a
 * script that does not compile (its `SCRIPT ERROR: Parse Error` and location come just before) or a
 * scene that does not load. They end the instance at once, so a typo fails fast with its reason.
 */
const FATAL = [/^ERROR: Failed to load script "/, /^ERROR: Failed loading scene: /];

/**
 * Lines every headless run shows, whatever the project (kept in `output`, left out of `transcript()`):
 * the 4.6 web build in `--headless` prints `Condition "slot >= slot_max"` from `get_instance`
 * (object.h:1110) after its first frames, even for an empty `extends Node`; and the loader's second
 * read of `index.wasm` is sometimes reported aborted once the module compiled.
 */
const NOISE = [/slot >= slot_max/, /at: get_instance \(\.\/core\/object\/object\.h:/, /index\.wasm net::ERR_ABORTED/];

/**
 * One Godot 4.6 instance: a page of a {@link Godot4Browser} running a probe project. Reads the
 * console line by line: `print`ed JSON objects with an `event` field become `events`; every line,
 * engine error, page error, dialog and failed request goes to the transcript. The page is closed
 * after `timeoutMs` at the latest, and `stop()` closes it at once.
 */
export class Godot4Client {
  /** The probe project this instance runs. */
  readonly project: string;
  /** Every JSON event printed so far. */
  readonly events: GodotEvent[];
  /** Every console line and page diagnostic, in order. */
  readonly output: string[];
  /**
   * Resolves when the instance ended, with why: `exit <code>` (the game quit), `stopped`, `closed`,
   * `timeout`, `start failed`, `crashed`, `aborted`, or the fatal engine error line.
   */
  readonly exited: Promise<string>;
  readonly #page: Page;
  readonly #log: GodotOutput;
  readonly #timer: NodeJS.Timeout;
  #resolveExit: (reason: string) => void = () => {};
  #closing: Promise<void> | null = null;
  #stopping = false;

  /** Attaches to `page` (before it navigates); use {@link Godot4Browser.start} rather than this. */
  constructor(page: Page, project: string, timeoutMs: number) {
    this.project = project;
    this.#page = page;
    this.#log = new GodotOutput(`Godot 4 "${project}"`, (line) => NOISE.some((n) => n.test(line)));
    this.events = this.#log.events;
    this.output = this.#log.output;
    this.exited = new Promise((resolve) => {
      this.#resolveExit = resolve;
    });
    page.on('console', (message) => this.#console(message));
    page.on('pageerror', (error) => {
      this.#log.note(`[pageerror] ${error.stack || error.message || String(error) || '(no message)'}`);
      if (/RuntimeError|Aborted\(/.test(`${error.name} ${error.message}`)) this.#end('aborted');
    });
    page.on('dialog', (dialog) => {
      this.#log.note(`[dialog ${dialog.type()}] ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    page.on('requestfailed', (request) => {
      this.#log.note(`[requestfailed] ${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    page.on('crash', () => {
      this.#log.note('[crash] the page crashed');
      this.#end('crashed');
    });
    page.on('close', () => this.#end(this.#stopping ? 'stopped' : 'closed'));
    this.#timer = setTimeout(() => {
      this.#log.note(`[godot4] closing the page: its ${timeoutMs} ms are up`);
      this.#end('timeout');
      void this.stop();
    }, timeoutMs);
  }

  /** Resolves with the first event (already printed or future) that matches; rejects on timeout or end. */
  waitFor(match: GodotEventMatch, timeoutMs = 10_000): Promise<GodotEvent> {
    return this.#log.waitFor(match, timeoutMs);
  }

  /** All events named `name`. */
  all(name: string): GodotEvent[] {
    return this.#log.all(name);
  }

  /** The output so far, for failure messages. */
  transcript(): string {
    return this.#log.transcript();
  }

  /** True once the instance ended (quit, stopped, crashed or timed out). */
  get ended(): boolean {
    return this.#log.ended !== null;
  }

  /** Closes the page (the engine with it: its sockets close) and waits for that, bounded. */
  stop(): Promise<void> {
    this.#closing ??= (async () => {
      this.#stopping = true;
      clearTimeout(this.#timer);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          this.#log.note(`[godot4] the page did not close within ${PAGE_CLOSE_MS} ms`);
          resolve();
        }, PAGE_CLOSE_MS);
      });
      await Promise.race([this.#page.close({ runBeforeUnload: false }).catch(() => {}), late]);
      clearTimeout(timer);
      this.#end('stopped');
    })();
    return this.#closing;
  }

  #console(message: ConsoleMessage): void {
    const text = message.text();
    const type = message.type();
    if (type === 'error' || type === 'warning') {
      for (const line of text.split('\n')) this.#log.note(`[console.${type}] ${line}`);
      if (text.startsWith(GODOT4_START_FAILED_LINE)) this.#end('start failed');
      else if (FATAL.some((f) => f.test(text))) this.#end(text);
      return;
    }
    for (const line of text.split('\n')) {
      if (line.startsWith(GODOT4_EXIT_LINE)) {
        this.#log.note(line);
        this.#end(`exit ${line.slice(GODOT4_EXIT_LINE.length)}`);
      } else {
        this.#log.line(line);
      }
    }
  }

  #end(reason: string): void {
    if (this.#log.ended !== null) return;
    clearTimeout(this.#timer);
    this.#log.end(reason);
    this.#resolveExit(reason);
  }
}

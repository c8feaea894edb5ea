import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One JSON line a GDScript printed: `{ "event": "...", ...fields }`. */
export interface GodotEvent {
  event: string;
  [field: string]: unknown;
}

/** The GDScript project shipped with the test kit. */
export const godotProjectDir = fileURLToPath(new URL('../godot/', import.meta.url));

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A headless Godot 3.2 process running one `extends SceneTree` script of the test kit. Every
 * process is killed after `timeoutMs` at the latest, and `stop()` ends it at once.
 */
export class GodotProcess {
  /** Every JSON event printed so far. */
  readonly events: GodotEvent[] = [];
  /** Every output line (stdout and stderr), for diagnostics. */
  readonly output: string[] = [];
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
  private readonly child: ChildProcess;
  private readonly listeners = new Set<() => void>();
  private buffer = '';

  constructor(script: string, args: Record<string, string | number | boolean>, timeoutMs: number) {
    const argv = ['--path', godotProjectDir, '-s', script, ...Object.entries(args).map(([k, v]) => `--${k}=${v}`)];
    this.child = spawn(process.env.GODOT3 ?? 'godot3-server', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(this.child);
    const kill = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        clearTimeout(kill);
        running.delete(this.child);
        this.notify();
        resolve(code ?? signal ?? 'unknown');
      });
      this.child.once('error', (error) => {
        this.output.push(`spawn error: ${error.message}`);
        clearTimeout(kill);
        running.delete(this.child);
        this.notify();
        resolve('spawn-error');
      });
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean)));
  }

  /** Resolves with the first event (already printed or future) that matches; rejects on timeout or exit. */
  waitFor(match: string | ((event: GodotEvent) => boolean), timeoutMs = 10_000): Promise<GodotEvent> {
    const test = typeof match === 'string' ? (e: GodotEvent) => e.event === match : match;
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.events.find(test);
        if (found !== undefined) {
          done();
          resolve(found);
          return true;
        }
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          done();
          reject(new Error(`Godot exited before ${describe(match)}:\n${this.transcript()}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe(match)}:\n${this.transcript()}`));
      }, timeoutMs);
      const listener = (): void => {
        check();
      };
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
      check();
    });
  }

  /** All events named `name`. */
  all(name: string): GodotEvent[] {
    return this.events.filter((e) => e.event === name);
  }

  /** Ends the process (SIGTERM, then SIGKILL) and waits for it. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const hard = setTimeout(() => this.child.kill('SIGKILL'), 2000);
      await this.exited;
      clearTimeout(hard);
    }
  }

  /** The output so far, for failure messages. */
  transcript(): string {
    return this.output.filter((l) => !l.includes('set_locale') && !l.includes('translation.cpp')).join('\n');
  }

  private read(chunk: Buffer): void {
    this.buffer += chunk.toString();
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (line !== '') this.output.push(line);
      if (line.startsWith('{')) {
        try {
          this.events.push(JSON.parse(line) as GodotEvent);
        } catch {
          // not an event line
        }
      }
      newline = this.buffer.indexOf('\n');
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function describe(match: string | ((event: GodotEvent) => boolean)): string {
  return typeof match === 'string' ? `event "${match}"` : 'a matching event';
}

/** Starts `godot3-server` on `script` (a file in the test kit's Godot project) with `--key=value` args. */
export function startGodot(
  script: string,
  args: Record<string, string | number | boolean> = {},
  timeoutMs = 30_000,
): GodotProcess {
  return new GodotProcess(script, args, timeoutMs);
}

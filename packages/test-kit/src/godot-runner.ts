import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type GodotEvent, type GodotEventMatch, GodotOutput } from './godot-output.js';

export type { GodotEvent } from './godot-output.js';

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
  readonly events: GodotEvent[];
  /** Every output line (stdout and stderr), for diagnostics. */
  readonly output: string[];
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
  private readonly child: ChildProcess;
  private readonly log = new GodotOutput('Godot', (l) => l.includes('set_locale') || l.includes('translation.cpp'));
  private buffer = '';

  constructor(script: string, args: Record<string, string | number | boolean>, timeoutMs: number) {
    this.events = this.log.events;
    this.output = this.log.output;
    const argv = ['--path', godotProjectDir, '-s', script, ...Object.entries(args).map(([k, v]) => `--${k}=${v}`)];
    this.child = spawn(process.env.GODOT3 ?? 'godot3-server', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(this.child);
    const kill = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        clearTimeout(kill);
        running.delete(this.child);
        const reason = code ?? signal ?? 'unknown';
        this.log.end(reason);
        resolve(reason);
      });
      this.child.once('error', (error) => {
        this.log.note(`spawn error: ${error.message}`);
        clearTimeout(kill);
        running.delete(this.child);
        this.log.end('spawn-error');
        resolve('spawn-error');
      });
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line !== '') this.log.note(line);
    });
  }

  /** Resolves with the first event (already printed or future) that matches; rejects on timeout or exit. */
  waitFor(match: GodotEventMatch, timeoutMs = 10_000): Promise<GodotEvent> {
    return this.log.waitFor(match, timeoutMs);
  }

  /** All events named `name`. */
  all(name: string): GodotEvent[] {
    return this.log.all(name);
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
    return this.log.transcript();
  }

  private read(chunk: Buffer): void {
    this.buffer += chunk.toString();
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      this.log.line(this.buffer.slice(0, newline));
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf('\n');
    }
  }
}

/** Starts `godot3-server` on `script` (a file in the test kit's Godot project) with `--key=value` args. */
export function startGodot(
  script: string,
  args: Record<string, string | number | boolean> = {},
  timeoutMs = 30_000,
): GodotProcess {
  return new GodotProcess(script, args, timeoutMs);
}

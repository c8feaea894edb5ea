import { type ChildProcess, spawn } from 'node:child_process';

/** Options of {@link startLineProcess}. */
export interface LineProcessOptions {
  /** Working directory. */
  cwd?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Killed (SIGKILL) after this many ms at the latest (default 30 s). */
  timeoutMs?: number;
}

/**
 * A child process whose stdout and stderr are read line by line, with standard input kept open as
 * a pipe (write lines with `send`, end it with `endInput`). Killed after `timeoutMs` at the latest;
 * `stop()` sends SIGTERM (SIGKILL after 2 s) and waits.
 */
export class LineProcess {
  /** Lines printed on stdout so far. */
  readonly stdout: string[] = [];
  /** Lines printed on stderr so far. */
  readonly stderr: string[] = [];
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>;
  readonly #child: ChildProcess;
  readonly #listeners = new Set<() => void>();
  #exitCode: number | string | null = null;

  constructor(command: string, args: readonly string[], options: LineProcessOptions = {}) {
    this.#child = spawn(command, [...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const kill = setTimeout(() => this.#child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    this.exited = new Promise((resolve) => {
      this.#child.once('close', (code, signal) => {
        clearTimeout(kill);
        this.#exitCode = code ?? signal ?? 'unknown';
        this.#notify();
        resolve(this.#exitCode);
      });
    });
    this.#read(this.#child.stdout, this.stdout);
    this.#read(this.#child.stderr, this.stderr);
  }

  /** Writes one line to the process's standard input. */
  send(line: string): void {
    this.#child.stdin?.write(`${line}\n`);
  }

  /** Ends the process's standard input (as Ctrl-D in a terminal). */
  endInput(): void {
    this.#child.stdin?.end();
  }

  /** Every line so far, stdout then stderr, for failure messages. */
  transcript(): string {
    return `stdout:\n${this.stdout.join('\n')}\nstderr:\n${this.stderr.join('\n')}`;
  }

  /** Resolves with the first line (stdout or stderr, past or future) matching `pattern`; rejects on timeout or exit. */
  waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error(`timed out waiting for ${pattern}\n${this.transcript()}`));
      }, timeoutMs);
      const check = (): void => {
        const line = [...this.stdout, ...this.stderr].find((l) => pattern.test(l));
        if (line !== undefined || this.#exitCode !== null) {
          clearTimeout(timer);
          this.#listeners.delete(check);
          if (line !== undefined) resolve(line);
          else reject(new Error(`exited (${this.#exitCode}) before printing ${pattern}\n${this.transcript()}`));
        }
      };
      this.#listeners.add(check);
      check();
    });
  }

  /** Sends `signal` (default SIGKILL: the process dies without a word, as in a crash); see `exited`. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.#child.kill(signal);
  }

  /** SIGTERM (SIGKILL after 2 s), then the exit code. */
  async stop(): Promise<number | string> {
    if (this.#exitCode === null) {
      this.#child.kill('SIGTERM');
      const hard = setTimeout(() => this.#child.kill('SIGKILL'), 2000);
      await this.exited;
      clearTimeout(hard);
    }
    return this.exited;
  }

  #read(stream: NodeJS.ReadableStream | null, into: string[]): void {
    let buffer = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        into.push(buffer.slice(0, newline).replace(/\r$/, ''));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
      this.#notify();
    });
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/** Starts `command` with its output read line by line (see {@link LineProcess}). */
export function startLineProcess(command: string, args: readonly string[], options?: LineProcessOptions): LineProcess {
  return new LineProcess(command, args, options);
}

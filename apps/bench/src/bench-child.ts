import { type ChildProcess, fork } from 'node:child_process';
import { killChild, reapOnExit } from './child-reaper.js';
import { pinnedCommand } from './cpu-pinning.js';

const START_TIMEOUT_MS = 15_000;

/** How a bench child process is started. */
export interface ChildOptions {
  /** Name for errors, e.g. `ws-echo+bufferutil server`. */
  name: string;
  /** Its environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Write a V8 CPU profile into this directory when it exits. */
  profileDir?: string;
  /** The profile's file name (default: Node's, with date and pid). */
  profileName?: string;
  /** Run it on this CPU only (with `taskset`). */
  cpu?: number;
  /** How long to wait for an answer to a request. */
  replyTimeoutMs: number;
}

/** What every request and reply carries: `id` pairs them; a reply with `error` rejects. */
interface Message {
  id: number;
  error?: string;
}

/**
 * A child process of the bench (`node --expose-gc <script>`, pinned with `taskset` when asked),
 * spoken to over IPC: request/reply with ids, a first message (`id` 0) when it is ready, and a
 * close that always ends the process (politely, so a CPU profile gets written, then SIGKILL).
 */
export class BenchChild<Request extends Message, Reply extends Message> {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: ChildOptions,
  ) {
    child.on('message', (reply: Reply) => {
      const settle = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      settle?.(reply);
    });
  }

  /** Forks `script` with `args`; resolves with the process and its ready message. */
  static start<Request extends Message, Reply extends Message>(
    script: string,
    args: readonly string[],
    options: ChildOptions,
  ): Promise<{ child: BenchChild<Request, Reply>; ready: Reply }> {
    const execArgv = ['--expose-gc'];
    if (options.profileDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`);
    if (options.profileDir !== undefined && options.profileName !== undefined) {
      execArgv.push(`--cpu-prof-name=${options.profileName}`);
    }
    const [taskset, ...pin] = pinnedCommand(options.cpu);
    const child = fork(script, [...args], {
      // With pinning: taskset -c N node --expose-gc script (taskset execs node, keeping the IPC fd).
      ...(taskset === undefined
        ? { execArgv }
        : { execPath: taskset, execArgv: [...pin, process.execPath, ...execArgv] }),
      env: options.env ?? process.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    reapOnExit(child);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        killChild(child);
        reject(new Error(`${options.name} did not start in ${START_TIMEOUT_MS / 1000} s`));
      }, START_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited with ${code} before it was ready`));
      });
      child.once('message', (ready: Reply) => {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child: new BenchChild<Request, Reply>(child, options), ready });
      });
    });
  }

  /** Sends one request and resolves with the reply; rejects when the process fails to answer in time. */
  request(body: Omit<Request, 'id'>): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.options.name} did not answer ${JSON.stringify(body)}`));
      }, this.options.replyTimeoutMs);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error !== undefined) reject(new Error(`${this.options.name}: ${reply.error}`));
        else resolve(reply);
      });
      this.child.send({ ...body, id });
    });
  }

  /** Asks the process to exit (so a CPU profile gets written), and kills it if it has not after 5 s. */
  async close(exit: Omit<Request, 'id'>): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const timer = setTimeout(() => killChild(this.child), 5000);
    this.request(exit).catch(() => killChild(this.child));
    await exited;
    clearTimeout(timer);
  }

  /** Kills the process at once. */
  kill(): void {
    killChild(this.child);
  }
}

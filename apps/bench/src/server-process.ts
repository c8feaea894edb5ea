import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { killChild, reapOnExit } from './child-reaper.js';
import { pinnedCommand } from './cpu-pinning.js';
import type { ServerKind } from './server/bench-server.js';
import type { ServerReply, ServerRequest } from './server/server-message.js';

const MAIN = fileURLToPath(new URL('./server-main.js', import.meta.url));
const REPLY_TIMEOUT_MS = 30_000;

/** Options of {@link ServerProcess.start}. */
export interface ServerProcessOptions {
  /** Write a V8 CPU profile of the server process into this directory when it exits. */
  profileDir?: string;
  /** Run the process on this CPU only (with `taskset`). */
  cpu?: number;
}

/**
 * The orchestrator's handle on one server process (`server-main.js`): its port, request/reply over
 * IPC, and a close that always ends the process (politely, then SIGKILL).
 */
export class ServerProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: ServerReply) => void>();

  private constructor(
    readonly kind: ServerKind,
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.on('message', (reply: ServerReply) => {
      const settle = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      settle?.(reply);
    });
  }

  /** Forks a server of `kind` and resolves once it listens. */
  static start(kind: ServerKind, options: ServerProcessOptions = {}): Promise<ServerProcess> {
    const execArgv = ['--expose-gc'];
    if (options.profileDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`);
    const [taskset, ...pin] = pinnedCommand(options.cpu);
    const child = fork(MAIN, [kind], {
      // With pinning: taskset -c N node --expose-gc server-main.js (taskset execs node, keeping the IPC fd).
      ...(taskset === undefined
        ? { execArgv }
        : { execPath: taskset, execArgv: [...pin, process.execPath, ...execArgv] }),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    reapOnExit(child);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        killChild(child);
        reject(new Error(`${kind} server did not start in 15 s`));
      }, 15_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${kind} server exited with ${code} before listening`));
      });
      child.once('message', (reply: ServerReply) => {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(new ServerProcess(kind, child, reply.port ?? 0));
      });
    });
  }

  /** Sends one command and resolves with the reply; rejects when the process fails to answer. */
  request(cmd: ServerRequest['cmd']): Promise<ServerReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.kind} server did not answer "${cmd}"`));
      }, REPLY_TIMEOUT_MS);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error !== undefined) reject(new Error(`${this.kind} server: ${reply.error}`));
        else resolve(reply);
      });
      this.child.send({ id, cmd } satisfies ServerRequest);
    });
  }

  /** Asks the process to exit (so a CPU profile gets written), and kills it if it has not after 5 s. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const timer = setTimeout(() => killChild(this.child), 5000);
    this.request('exit').catch(() => killChild(this.child));
    await exited;
    clearTimeout(timer);
  }

  /** Kills the process at once. */
  kill(): void {
    killChild(this.child);
  }
}

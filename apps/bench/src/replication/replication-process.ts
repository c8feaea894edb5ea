import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { killChild, reapOnExit } from '../child-reaper.js';
import { pinnedCommand } from '../cpu-pinning.js';
import type { ServerProcessOptions } from '../server-process.js';
import type { ReplicationKind } from './replication-server.js';
import type { ReplicationReply, ReplicationRequest } from './replication-server-main.js';

const MAIN = fileURLToPath(new URL('./replication-server-main.js', import.meta.url));
const REPLY_TIMEOUT_MS = 30_000;

/** The orchestrator's handle on one replication server process: port, commands over IPC, close. */
export class ReplicationProcess {
  readonly kind: ReplicationKind;
  readonly port: number;
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, (reply: ReplicationReply) => void>();
  #nextId = 1;

  private constructor(kind: ReplicationKind, child: ChildProcess, port: number) {
    this.kind = kind;
    this.#child = child;
    this.port = port;
    child.on('message', (reply: ReplicationReply) => {
      const settle = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      settle?.(reply);
    });
  }

  /** Forks a server of `kind` (pinned, profiled as `options` say) and resolves once it listens. */
  static start(kind: ReplicationKind, options: ServerProcessOptions = {}): Promise<ReplicationProcess> {
    const execArgv: string[] = [];
    if (options.profileDir !== undefined)
      execArgv.push('--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${options.profileDir}`);
    const [taskset, ...pin] = pinnedCommand(options.cpu);
    const child = fork(MAIN, [kind], {
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
      child.once('message', (reply: ReplicationReply) => {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        if (reply.error !== undefined) {
          killChild(child);
          reject(new Error(`${kind} server: ${reply.error}`));
        } else resolve(new ReplicationProcess(kind, child, reply.port ?? 0));
      });
    });
  }

  /** Sends one command; resolves with the reply. */
  request(cmd: ReplicationRequest['cmd']): Promise<ReplicationReply> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${this.kind} server did not answer "${cmd}"`));
      }, REPLY_TIMEOUT_MS);
      this.#pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error !== undefined) reject(new Error(`${this.kind} server: ${reply.error}`));
        else resolve(reply);
      });
      this.#child.send({ id, cmd } satisfies ReplicationRequest);
    });
  }

  /** Asks the process to exit; kills it if it has not after 5 s. */
  async close(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    const timer = setTimeout(() => killChild(this.#child), 5000);
    this.request('exit').catch(() => killChild(this.#child));
    await exited;
    clearTimeout(timer);
  }
}

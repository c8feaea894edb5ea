import { type ChildProcess, spawn } from 'node:child_process';

/** A request to a child, and its answer. */
interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

/** Options of {@link startChild}. */
export interface ChildOptions {
  /** Node flags (`--expose-gc`, ...). */
  execArgv?: readonly string[];
  /** Start under `ulimit -n` (open files), to see what a limited server does under exhaustion. */
  fileLimit?: number;
  /** Milliseconds to wait for the child's ready message. Default 10000. */
  readyTimeoutMs?: number;
}

/**
 * A Node child process driven over IPC: it sends `{ id: 0, result }` once ready, then answers
 * `{ id, cmd, args }` requests with `{ id, result }` or `{ id, error }`. Stopped by `stop()` (a
 * SIGKILL after a grace), which a test must call in its cleanup.
 */
export class Child {
  /** The process. */
  readonly process: ChildProcess;
  /** What the child sent when it became ready. */
  readonly ready: Promise<unknown>;
  #nextId = 1;
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(entry: string, args: readonly string[], options: ChildOptions = {}) {
    const node = [process.execPath, ...(options.execArgv ?? []), entry, ...args];
    this.process =
      options.fileLimit === undefined
        ? spawn(node[0] as string, node.slice(1), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
        : spawn('sh', ['-c', `ulimit -n ${options.fileLimit} && exec "$@"`, 'sh', ...node], {
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${entry} did not start`)), options.readyTimeoutMs ?? 10_000);
      this.#waiting.set(0, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject,
      });
    });
    this.process.on('message', (reply: Reply) => {
      const waiter = this.#waiting.get(reply.id);
      if (waiter === undefined) return;
      this.#waiting.delete(reply.id);
      if (reply.error !== undefined) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply.result);
    });
    this.process.on('exit', (code, signal) => {
      for (const waiter of this.#waiting.values()) waiter.reject(new Error(`child exited (${code ?? signal})`));
      this.#waiting.clear();
    });
  }

  /** Sends a request and resolves with the child's answer. */
  request<T>(cmd: string, args: unknown = null, timeoutMs = 60_000): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error(`child request ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.process.send({ id, cmd, args });
    });
  }

  /** Stops the child: asks it to exit, kills it after `graceMs`. */
  async stop(graceMs = 2000): Promise<void> {
    const child = this.process;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.connected) child.send({ id: -1, cmd: 'exit', args: null });
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** The child side: answers requests with `handle`, after sending `ready`. */
export function serveRequests(ready: unknown, handle: (cmd: string, args: unknown) => unknown): void {
  const send = (reply: Reply): void => {
    process.send?.(reply);
  };
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (request: { id: number; cmd: string; args: unknown }) => {
    if (request.cmd === 'exit') {
      process.exit(0);
    }
    try {
      send({ id: request.id, result: await handle(request.cmd, request.args) });
    } catch (error) {
      send({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  send({ id: 0, result: ready });
}

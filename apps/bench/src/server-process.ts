import { fileURLToPath } from 'node:url';
import { BenchChild } from './bench-child.js';
import { maskingEnv } from './native-masking.js';
import { launchName, type ServerLaunch } from './server/bench-server.js';
import type { ServerReply, ServerRequest } from './server/server-message.js';

const MAIN = fileURLToPath(new URL('./server-main.js', import.meta.url));

/** Options of {@link ServerProcess.start}. */
export interface ServerProcessOptions {
  /** Write a V8 CPU profile of the server process into this directory when it exits. */
  profileDir?: string;
  /** Run the process on this CPU only (with `taskset`). */
  cpu?: number;
}

/**
 * The orchestrator's handle on one server process (`server-main.js`): its port, request/reply over
 * IPC, and a close that always ends the process.
 */
export class ServerProcess {
  private constructor(
    /** What runs in it, e.g. `ws-echo+bufferutil`. */
    readonly name: string,
    private readonly child: BenchChild<ServerRequest, ServerReply>,
    readonly port: number,
  ) {}

  /**
   * Forks a server of `launch.kind`, with `bufferutil` visible to its `ws` or not, and resolves
   * once it listens. Rejects if the process's `ws` did not load `bufferutil` as asked.
   */
  static async start(launch: ServerLaunch, options: ServerProcessOptions = {}): Promise<ServerProcess> {
    const name = launchName(launch);
    const { child, ready } = await BenchChild.start<ServerRequest, ServerReply>(MAIN, [launch.kind], {
      name: `${name} server`,
      profileName: `server-${name}.cpuprofile`,
      env: maskingEnv(launch.bufferutil),
      replyTimeoutMs: 30_000,
      ...options,
    });
    if (ready.bufferutil !== launch.bufferutil) {
      child.kill();
      throw new Error(
        `${name} server: bufferutil is ${ready.bufferutil ? 'loaded' : 'not loaded'}, expected the opposite (is it installed?)`,
      );
    }
    return new ServerProcess(name, child, ready.port ?? 0);
  }

  /** Sends one command and resolves with the reply; rejects when the process fails to answer. */
  request(cmd: ServerRequest['cmd']): Promise<ServerReply> {
    return this.child.request({ cmd });
  }

  /** Starts a round; with `sampleMemory`, the process samples the memory it holds until `stop`. */
  start(sampleMemory = false): Promise<ServerReply> {
    return this.child.request({ cmd: 'start', sampleMemory });
  }

  /** Asks the process to exit (so a CPU profile gets written), and kills it if it has not after 5 s. */
  close(): Promise<void> {
    return this.child.close({ cmd: 'exit' });
  }

  /** Kills the process at once. */
  kill(): void {
    this.child.kill();
  }
}

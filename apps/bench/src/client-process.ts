import { fileURLToPath } from 'node:url';
import { BenchChild } from './bench-child.js';
import { type ClientLaunch, clientLaunchName } from './client/client-launch.js';
import type { ClientReply, ClientRequest } from './client/client-message.js';
import type { EchoLoadSpec } from './load/echo-load.js';
import { maskingEnv } from './native-masking.js';

const MAIN = fileURLToPath(new URL('./client-main.js', import.meta.url));

/** What one client round measured in the client process. */
export interface ClientRoundResult {
  rate: number;
  cpuMicrosPerMessage: number;
  errors: string[];
}

/** The orchestrator's handle on one client process (`client-main.js`) of the client group. */
export class ClientProcess {
  private constructor(
    readonly name: string,
    private readonly child: BenchChild<ClientRequest, ClientReply>,
  ) {}

  /** Forks a client process of `launch.kind` with `bufferutil` visible to its `ws` or not. */
  static async start(launch: ClientLaunch, options: { cpu?: number; profileDir?: string }): Promise<ClientProcess> {
    const name = `${clientLaunchName(launch)} client`;
    const { child, ready } = await BenchChild.start<ClientRequest, ClientReply>(MAIN, [launch.kind], {
      name,
      profileName: `client-${clientLaunchName(launch)}.cpuprofile`,
      env: maskingEnv(launch.bufferutil),
      replyTimeoutMs: 60_000,
      ...options,
    });
    if (ready.bufferutil !== launch.bufferutil) {
      child.kill();
      throw new Error(`${name}: bufferutil is ${ready.bufferutil ? 'loaded' : 'not loaded'}, expected the opposite`);
    }
    return new ClientProcess(name, child);
  }

  /** Runs one echo round against `port`. */
  async run(port: number, spec: EchoLoadSpec, warmupMs: number, durationMs: number): Promise<ClientRoundResult> {
    const reply = await this.child.request({ cmd: 'run', port, spec, warmupMs, durationMs });
    return { rate: reply.rate ?? 0, cpuMicrosPerMessage: reply.cpuMicrosPerMessage ?? 0, errors: reply.errors ?? [] };
  }

  /** Asks the process to exit (writing its CPU profile), killing it if it does not. */
  close(): Promise<void> {
    return this.child.close({ cmd: 'exit' });
  }
}

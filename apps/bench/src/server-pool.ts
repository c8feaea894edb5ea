import { launchName, type ServerLaunch } from './server/bench-server.js';
import { ServerProcess, type ServerProcessOptions } from './server-process.js';

/**
 * One long-lived server process per launch (kind and bufferutil) for the whole run, started on
 * first use, so rounds alternate between implementations without paying process start-up.
 * `closeAll` ends them all.
 */
export class ServerPool {
  private readonly servers = new Map<string, Promise<ServerProcess>>();

  constructor(
    private readonly profileDir: string | undefined,
    private readonly cpu: number | undefined,
  ) {}

  /** Options for server processes started outside the pool (the memory scenario's). */
  get processOptions(): ServerProcessOptions {
    return this.cpu === undefined ? {} : { cpu: this.cpu };
  }

  /** Pinning and profiling options for other long-running server processes (the replication scenario's). */
  get profiledOptions(): ServerProcessOptions {
    return {
      ...(this.profileDir === undefined ? {} : { profileDir: this.profileDir }),
      ...(this.cpu === undefined ? {} : { cpu: this.cpu }),
    };
  }

  /** Options for the client processes of the client scenarios (the other CPU, when pinned). */
  get profileDirectory(): string | undefined {
    return this.profileDir;
  }

  /** The server process of `launch`, started if needed. */
  get(launch: ServerLaunch): Promise<ServerProcess> {
    const key = launchName(launch);
    let server = this.servers.get(key);
    if (server === undefined) {
      server = ServerProcess.start(launch, {
        ...(this.profileDir === undefined ? {} : { profileDir: this.profileDir }),
        ...(this.cpu === undefined ? {} : { cpu: this.cpu }),
      });
      this.servers.set(key, server);
    }
    return server;
  }

  /** Closes every server process (waiting for CPU profiles to be written). */
  async closeAll(): Promise<void> {
    const all = [...this.servers.values()];
    this.servers.clear();
    await Promise.all(all.map(async (server) => (await server.catch(() => null))?.close()));
  }
}

import type { EchoProtocol } from '../client/echo-protocol.js';
import { closeConnections, openConnections } from '../client/open-connections.js';
import type { ServerLaunch } from '../server/bench-server.js';
import { ServerProcess, type ServerProcessOptions } from '../server-process.js';
import { sleep } from './sleep.js';

/** Server memory per idle connection, in bytes. */
export interface MemoryResult {
  rssPerConnection: number;
  heapPerConnection: number;
  externalPerConnection: number;
}

const WARM_UP_CONNECTIONS = 100;

async function waitForConnections(server: ServerProcess, count: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const stats = await server.request('stats');
    if (stats.connections === count) return;
    if (performance.now() > deadline) {
      throw new Error(`server sees ${stats.connections} connections, expected ${count}`);
    }
    await sleep(50);
  }
}

/**
 * Measures a fresh server process's memory per idle connection: warms it up with a few
 * connections (closed again), takes a baseline after a full GC, opens `count` idle connections
 * from this process, waits until the server application sees all of them, and takes the
 * difference after another full GC. The server process is killed afterwards.
 */
export async function measureIdleMemory(
  launch: ServerLaunch,
  protocol: EchoProtocol,
  count: number,
  options: ServerProcessOptions = {},
): Promise<MemoryResult> {
  const server = await ServerProcess.start(launch, options);
  let sockets: Awaited<ReturnType<typeof openConnections>> = [];
  try {
    await closeConnections(await openConnections(server.port, protocol, WARM_UP_CONNECTIONS));
    await waitForConnections(server, 0, 10_000);
    await sleep(100);
    const before = await server.request('memory');
    sockets = await openConnections(server.port, protocol, count, 100);
    await waitForConnections(server, count, 30_000);
    await sleep(300);
    const after = await server.request('memory');
    const per = (a: number | undefined, b: number | undefined): number => ((a ?? 0) - (b ?? 0)) / count;
    return {
      rssPerConnection: per(after.rss, before.rss),
      heapPerConnection: per(after.heapUsed, before.heapUsed),
      externalPerConnection: per(after.external, before.external),
    };
  } finally {
    server.kill();
    for (const socket of sockets) socket.destroy();
  }
}

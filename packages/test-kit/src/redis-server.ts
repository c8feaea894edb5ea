import { existsSync } from 'node:fs';
import { type LineProcess, startLineProcess } from './line-process.js';
import { freePort } from './test-server.js';

/** Debian's Redis server (`apt-get install redis-server`; the test command installs it when missing). */
export const REDIS_SERVER = '/usr/bin/redis-server';

/** A `redis-server` a test started: on 127.0.0.1, a free port, no persistence. */
export interface TestRedis {
  /** Its port. */
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Stops it (SIGTERM, SIGKILL after 2 s). */
  stop(): Promise<void>;
  /** Stops it and starts a fresh one on the same port (everything in it is gone: no persistence). */
  restart(): Promise<void>;
}

/**
 * Starts `redis-server` on a free port of 127.0.0.1 with no persistence (`--save '' --appendonly no`),
 * killed after `timeoutMs` at the latest (default 120 s). Resolves once it accepts connections.
 */
export async function startRedis(timeoutMs = 120_000): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is missing: apt-get install redis-server`);
  const port = await freePort();
  let process: LineProcess = await launch(port, timeoutMs);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await process.stop();
    },
    async restart() {
      await process.stop();
      process = await launch(port, timeoutMs);
    },
  };
}

async function launch(port: number, timeoutMs: number): Promise<LineProcess> {
  const redis = startLineProcess(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { timeoutMs },
  );
  try {
    await redis.waitFor(/Ready to accept connections/, 10_000);
  } catch (error) {
    await redis.stop();
    throw error;
  }
  return redis;
}

import type { ServerProcess } from '../server-process.js';
import { sleep } from './sleep.js';

/** What one measured window saw. */
export interface WindowResult {
  /** Messages counted by the client during the window. */
  messages: number;
  /** Length of the window, from the client's clock. */
  seconds: number;
  /** `messages / seconds`. */
  rate: number;
  /** Server CPU time (user + system) per counted message, in microseconds. */
  serverCpuMicrosPerMessage: number;
}

/**
 * Lets a running load warm up for `warmupMs`, then counts what `count()` adds during `durationMs`
 * while the server process measures its own CPU time over the same window. `recording` is told
 * when the window opens and closes (for latency samples).
 */
export async function measureWindow(
  server: ServerProcess,
  count: () => number,
  warmupMs: number,
  durationMs: number,
  recording: (on: boolean) => void = () => {},
): Promise<WindowResult> {
  await sleep(warmupMs);
  const before = await server.request('mark');
  const c0 = count();
  const t0 = performance.now();
  recording(true);
  await sleep(durationMs);
  recording(false);
  const c1 = count();
  const t1 = performance.now();
  const after = await server.request('mark');
  const messages = c1 - c0;
  const seconds = (t1 - t0) / 1000;
  const rate = messages / seconds;
  const cpuMicros = (after.cpuMicros ?? 0) - (before.cpuMicros ?? 0);
  const serverSeconds = ((after.at ?? 0) - (before.at ?? 0)) / 1000;
  const cpuShare = serverSeconds > 0 ? cpuMicros / serverSeconds : 0;
  return { messages, seconds, rate, serverCpuMicrosPerMessage: rate > 0 ? cpuShare / rate : 0 };
}

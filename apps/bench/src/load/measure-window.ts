import { sleep } from './sleep.js';

/** A reading of the measured process: CPU used so far, its clock, and memory held. */
export interface Mark {
  /** User + system CPU time so far, in microseconds. */
  cpuMicros?: number;
  /** Its monotonic clock, in ms. */
  at?: number;
  /** The highest JS heap + external memory since the previous mark (servers only). */
  heldBytes?: number;
}

/** Takes a {@link Mark} of the process whose CPU a round measures (a server, or this client process). */
export type Marker = () => Promise<Mark>;

/** What one measured window saw. */
export interface WindowResult {
  /** Messages counted by the client during the window. */
  messages: number;
  /** Length of the window, from the client's clock. */
  seconds: number;
  /** `messages / seconds`. */
  rate: number;
  /** CPU time (user + system) of the marked process per counted message, in microseconds. */
  cpuMicrosPerMessage: number;
  /** The highest memory the marked process held during the window (0 when it does not say). */
  peakHeldBytes: number;
}

/**
 * Lets a running load warm up for `warmupMs`, then counts what `count()` adds during `durationMs`
 * while `mark` reads the measured process's CPU time over the same window. `recording` is told
 * when the window opens and closes (for latency samples).
 */
export async function measureWindow(
  mark: Marker,
  count: () => number,
  warmupMs: number,
  durationMs: number,
  recording: (on: boolean) => void = () => {},
): Promise<WindowResult> {
  await sleep(warmupMs);
  const before = await mark();
  const c0 = count();
  const t0 = performance.now();
  recording(true);
  await sleep(durationMs);
  recording(false);
  const c1 = count();
  const t1 = performance.now();
  const after = await mark();
  const messages = c1 - c0;
  const seconds = (t1 - t0) / 1000;
  const rate = messages / seconds;
  const cpuMicros = (after.cpuMicros ?? 0) - (before.cpuMicros ?? 0);
  const markedSeconds = ((after.at ?? 0) - (before.at ?? 0)) / 1000;
  const cpuShare = markedSeconds > 0 ? cpuMicros / markedSeconds : 0;
  return {
    messages,
    seconds,
    rate,
    cpuMicrosPerMessage: rate > 0 ? cpuShare / rate : 0,
    peakHeldBytes: after.heldBytes ?? 0,
  };
}

/** A {@link Marker} of this process. */
export const markThisProcess: Marker = () => {
  const cpu = process.cpuUsage();
  return Promise.resolve({ cpuMicros: cpu.user + cpu.system, at: performance.now() });
};

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const TASKSET = '/usr/bin/taskset';

/** Which CPU the load side (this process, Chromium) and the servers are pinned to, when they are. */
export interface CpuPinning {
  client: number;
  server: number;
}

/**
 * Pins this process (every thread) to CPU 0 and returns the plan (servers on CPU 1), when there
 * are at least 2 CPUs and `taskset` exists; `null` otherwise. Without pinning, a VM scheduler may
 * pack client and server onto one CPU in some rounds and not in others, which makes round trips
 * bimodal; pinned, every implementation sees the same placement.
 */
export function pinCpus(): CpuPinning | null {
  if (process.env.WSPEER_BENCH_NO_PIN === '1' || availableParallelism() < 2 || !existsSync(TASKSET)) return null;
  const result = spawnSync(TASKSET, ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  return result.status === 0 ? { client: 0, server: 1 } : null;
}

/** The command prefix that runs a program on `cpu` (empty without pinning). */
export function pinnedCommand(cpu: number | undefined): string[] {
  return cpu === undefined ? [] : [TASKSET, '-c', String(cpu)];
}

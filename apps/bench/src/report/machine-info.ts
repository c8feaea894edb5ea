import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem } from 'node:os';

/** The machine a run happened on, as RESULTS.md reports it. */
export interface MachineInfo {
  /** `nproc`: CPUs this process may use. */
  nproc: number;
  /** `model name` from /proc/cpuinfo (or Node's idea of it). */
  cpuModel: string;
  node: string;
  os: string;
  memoryGiB: number;
  /** ISO date and time of the run. */
  date: string;
}

/** Reads the machine description for the results. */
export function machineInfo(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1] !== undefined) cpuModel = match[1].trim();
  } catch {
    // not Linux
  }
  return {
    nproc: availableParallelism(),
    cpuModel,
    node: process.version,
    os: `${process.platform} ${release()}`,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    date: new Date().toISOString(),
  };
}

import type { BenchOptions } from '../bench-options.js';
import type { Measurement } from '../measurement.js';
import type { MachineInfo } from './machine-info.js';
import type { TargetResult } from './targets.js';

/** Everything a run produced; written as `bench-results/latest.json`. */
export interface BenchReport {
  machine: MachineInfo;
  options: BenchOptions;
  /** Wall-clock duration of the run, in seconds. */
  seconds: number;
  /** Who drives the servers, and what each implementation is. */
  setup: { clients: Record<string, string>; implementations: Record<string, string> };
  measurements: Measurement[];
  targets: TargetResult[];
}

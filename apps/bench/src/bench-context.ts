import type { BenchOptions } from './bench-options.js';
import type { Measurement } from './measurement.js';
import type { ServerPool } from './server-pool.js';

/** What every scenario gets: the options, the shared server processes, a log, and the results. */
export interface BenchContext {
  readonly options: BenchOptions;
  readonly pool: ServerPool;
  /** The CPU of the load side (this process, client processes), when pinned. */
  readonly clientCpu: number | undefined;
  /** Prints a progress line. */
  log(line: string): void;
  /** Adds finished measurements to the run's results. */
  add(...measurements: Measurement[]): void;
}

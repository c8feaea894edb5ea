import type { Group } from './bench-options.js';
import type { ImplId } from './implementations.js';
import type { ClientKind } from './scenarios/echo-workloads.js';

/** One row of results: a metric measured for several implementations over the same rounds. */
export interface Measurement {
  /** Stable id, e.g. `echo/32-binary/1x100`. */
  id: string;
  group: Group;
  /** Human title, e.g. `32 B binary, 1 conn x 100 in flight`. */
  title: string;
  /** Unit of the values, e.g. `msg/s`, `us`, `B`. */
  unit: string;
  /** Whether more is better (throughput) or less (latency, CPU, memory). */
  better: 'higher' | 'lower';
  /** Values per implementation, one per round (index = round, so rounds pair up for ratios). */
  values: Partial<Record<ImplId, number[]>>;
  /** The echo group's load client (`batch` or `ws`). */
  client?: ClientKind;
  /** Problems seen in any round (the values of such a round are still listed). */
  errors: string[];
}

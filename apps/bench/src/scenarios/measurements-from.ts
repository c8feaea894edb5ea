import type { Group } from '../bench-options.js';
import type { Measurement } from '../measurement.js';
import type { AlternatingResults } from '../run-alternating.js';
import type { ClientKind } from './echo-workloads.js';

/** How one metric key of an alternating run becomes a {@link Measurement}. */
export interface MetricRow {
  key: string;
  id: string;
  title: string;
  unit: string;
  better: 'higher' | 'lower';
  client?: ClientKind;
}

/** Turns the metric keys of `results` into measurements (keys without values are skipped). */
export function measurementsFrom(
  group: Group,
  results: AlternatingResults,
  rows: readonly MetricRow[],
  errors: readonly string[],
): Measurement[] {
  return rows
    .filter((row) => results[row.key] !== undefined)
    .map((row) => ({
      id: row.id,
      group,
      title: row.title,
      unit: row.unit,
      better: row.better,
      ...(row.client === undefined ? {} : { client: row.client }),
      values: results[row.key] ?? {},
      errors: [...errors],
    }));
}

import type { Group } from '../bench-options.js';
import type { Measurement } from '../measurement.js';
import type { AlternatingResults } from '../run-alternating.js';

/** How one metric key of an alternating run becomes a {@link Measurement}. */
export interface MetricRow {
  key: string;
  id: string;
  title: string;
  unit: string;
  better: 'higher' | 'lower';
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
      values: results[row.key] ?? {},
      errors: [...errors],
    }));
}

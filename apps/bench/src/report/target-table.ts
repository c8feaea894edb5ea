import { implementation } from '../implementations.js';
import type { Table } from './table.js';
import type { TargetResult } from './targets.js';

/** The pass/miss table of the targets. */
export function targetTable(results: readonly TargetResult[]): Table {
  return {
    title: 'Targets (ratios are medians of per-round pairs; the worst covered scenario decides)',
    headers: ['target', 'implementation', 'worst ratio', 'where', 'result'],
    rows: results.map((r) => [
      r.target,
      implementation(r.impl).label,
      Number.isFinite(r.ratio) ? `${r.ratio.toFixed(3)}x` : '-',
      r.where,
      r.status === 'n/a' ? 'n/a' : r.status === 'pass' ? 'pass' : 'MISS',
    ]),
    notes: [],
  };
}

import type { ImplId } from '../implementations.js';
import { implementation } from '../implementations.js';
import { formatValue } from '../report/format-value.js';
import type { AlternatingResults } from '../run-alternating.js';
import { median } from '../stats.js';

/** One progress line: the medians of metric `key` per implementation. */
export function progressLine(title: string, results: AlternatingResults, key: string, unit: string): string {
  const byImpl = results[key] ?? {};
  const parts = (Object.keys(byImpl) as ImplId[]).map(
    (impl) =>
      `${implementation(impl).label} ${formatValue(median((byImpl[impl] ?? []).filter(Number.isFinite)), unit)}`,
  );
  return `${title}: ${parts.join(' | ')}`;
}

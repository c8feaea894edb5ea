import type { ImplId } from '../implementations.js';
import type { Measurement } from '../measurement.js';
import { median } from '../stats.js';

/**
 * Which of `candidates` did best in `m` (highest median for throughput, lowest for latency, CPU
 * and memory), among those that ran; `undefined` when none did. "Best ws" in a table or target
 * is chosen this way, cell by cell, so wspeer is held to the best tuned configuration of each cell.
 */
export function bestOf(m: Measurement, candidates: readonly ImplId[]): ImplId | undefined {
  let best: ImplId | undefined;
  let bestValue = Number.NaN;
  for (const id of candidates) {
    const value = median((m.values[id] ?? []).filter(Number.isFinite));
    if (!Number.isFinite(value)) continue;
    if (best === undefined || (m.better === 'higher' ? value > bestValue : value < bestValue)) {
      best = id;
      bestValue = value;
    }
  }
  return best;
}

/** A ratio's baseline: one implementation, or the best of several in each cell. */
export type Baseline = ImplId | readonly ImplId[];

/** The implementation `baseline` stands for in `m`. */
export function baselineIn(m: Measurement, baseline: Baseline): ImplId | undefined {
  return typeof baseline === 'string' ? baseline : bestOf(m, baseline);
}

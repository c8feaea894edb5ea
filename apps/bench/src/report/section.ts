import type { ImplId } from '../implementation.js';
import type { Measurement } from '../measurement.js';
import type { Baseline } from './best-of.js';

/** A ratio column: `a` divided by `b` (one implementation, or the best of several per cell). */
export type Ratio = [ImplId, Baseline, string];

/** One table of the report: which measurements, which columns, which ratios. */
export interface Section {
  title: string;
  select: (m: Measurement) => boolean;
  impls: ImplId[];
  /** Name the best of these in a column of its own ("best ws"). */
  best?: { of: readonly ImplId[]; label: string };
  ratios: Ratio[];
  notes: string[];
}

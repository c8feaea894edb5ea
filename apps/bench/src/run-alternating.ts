import type { ImplId } from './implementations.js';

/** Metric values of one run of one implementation, by metric key. */
export type RoundValues = Record<string, number>;

/** Everything an alternating run collected: per metric key, per implementation, one value per round. */
export type AlternatingResults = Record<string, Partial<Record<ImplId, number[]>>>;

/**
 * Runs `runOne` for every implementation in every round, alternating (A B C, then B C A, ...) so
 * that slow drifts of a shared machine hit every implementation alike. A failed run records NaN
 * and its error; the others go on.
 */
export async function runAlternating(
  impls: readonly ImplId[],
  rounds: number,
  runOne: (impl: ImplId, round: number) => Promise<RoundValues>,
  onError: (impl: ImplId, error: unknown) => void,
): Promise<AlternatingResults> {
  const results: AlternatingResults = {};
  const valuesOf = (byImpl: Partial<Record<ImplId, number[]>>, impl: ImplId): number[] => {
    const values = byImpl[impl] ?? [];
    byImpl[impl] = values;
    return values;
  };
  const record = (key: string, impl: ImplId, round: number, value: number): void => {
    const byImpl = results[key] ?? {};
    results[key] = byImpl;
    valuesOf(byImpl, impl)[round] = value;
  };
  const failed: Array<[ImplId, number]> = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < impls.length; i++) {
      const impl = impls[(i + round) % impls.length] as ImplId;
      try {
        const values = await runOne(impl, round);
        for (const [key, value] of Object.entries(values)) record(key, impl, round, value);
      } catch (error) {
        onError(impl, error);
        failed.push([impl, round]);
      }
    }
  }
  for (const [impl, round] of failed) {
    for (const byImpl of Object.values(results)) valuesOf(byImpl, impl)[round] = Number.NaN;
  }
  for (const byImpl of Object.values(results)) {
    for (const values of Object.values(byImpl)) {
      for (let r = 0; r < rounds; r++) if (values[r] === undefined) values[r] = Number.NaN;
    }
  }
  return results;
}

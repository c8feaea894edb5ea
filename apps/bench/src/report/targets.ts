import type { ImplId } from '../implementations.js';
import type { Measurement } from '../measurement.js';
import { pairedRatio } from '../stats.js';

/** One target (issues 7 and 15) and how this run did on it. */
export interface TargetResult {
  /** What is promised, e.g. `throughput >= 0.95x ws in every echo scenario`. */
  target: string;
  /** Which implementation it is checked for. */
  impl: ImplId;
  /** The worst ratio found (median of paired per-round ratios) and where. */
  ratio: number;
  where: string;
  /** `pass`, `miss`, or `n/a` when the scenarios did not run. */
  status: 'pass' | 'miss' | 'n/a';
}

interface TargetRule {
  target: string;
  impls: readonly ImplId[];
  baseline: ImplId;
  /** Which measurements the rule covers. */
  select: (m: Measurement) => boolean;
  /** `min`: ratio must be >= limit; `max`: ratio must be <= limit. */
  bound: 'min' | 'max';
  limit: number;
}

const WSPEER: readonly ImplId[] = ['wspeer-tick', 'wspeer-auto'];
const isThroughput = (m: Measurement): boolean => m.unit === 'msg/s';
const echoThroughput = (m: Measurement): boolean => m.group === 'echo' && isThroughput(m);

/** The targets of issues 7 and 15 (Node: same run; browser: same page). */
export const TARGET_RULES: readonly TargetRule[] = [
  {
    target: 'echo throughput >= 0.95x ws, every echo scenario',
    impls: WSPEER,
    baseline: 'ws',
    select: echoThroughput,
    bound: 'min',
    limit: 0.95,
  },
  {
    target: 'small pipelined echo (32 B, 1 conn x 100) >= 1.5x ws',
    impls: WSPEER,
    baseline: 'ws',
    select: (m) => echoThroughput(m) && m.id.startsWith('echo/32-') && m.id.endsWith('/1x100'),
    bound: 'min',
    limit: 1.5,
  },
  {
    target: 'round trip p50 <= 1.05x ws (a lone message is not delayed)',
    impls: WSPEER,
    baseline: 'ws',
    select: (m) => m.id === 'rtt/p50',
    bound: 'max',
    limit: 1.05,
  },
  {
    target: 'server RSS per idle connection <= 1.2x ws (1,000 and 10,000 conns)',
    impls: ['wspeer-auto'],
    baseline: 'ws',
    select: (m) => m.group === 'memory' && m.id.endsWith('/rss'),
    bound: 'max',
    limit: 1.2,
  },
  {
    target: 'server JS heap per idle connection <= 1.2x ws (1,000 and 10,000 conns)',
    impls: ['wspeer-auto'],
    baseline: 'ws',
    select: (m) => m.group === 'memory' && m.id.endsWith('/heap'),
    bound: 'max',
    limit: 1.2,
  },
  {
    target: 'relay >= 0.9x the hand-written ws relay',
    impls: WSPEER,
    baseline: 'ws',
    select: (m) => m.group === 'relay' && isThroughput(m),
    bound: 'min',
    limit: 0.9,
  },
  {
    target: 'echo throughput >= 3x socket.io, 1 conn x 100 in flight (32 B bin/text, 4 KiB)',
    impls: WSPEER,
    baseline: 'socketio',
    select: (m) => echoThroughput(m) && m.id.endsWith('/1x100'),
    bound: 'min',
    limit: 3,
  },
  {
    target: 'echo throughput >= 3x socket.io, 100 conns x 1 in flight (stretch: nothing to coalesce)',
    impls: WSPEER,
    baseline: 'socketio',
    select: (m) => echoThroughput(m) && m.id.endsWith('/100x1'),
    bound: 'min',
    limit: 3,
  },
  {
    target: 'replication: bytes per peer <= 0.5x the same state as JSON over ws (issue 15)',
    impls: ['wspeer-replication'],
    baseline: 'json-ws',
    select: (m) => m.id === 'replication/bytes',
    bound: 'max',
    limit: 0.5,
  },
  {
    target: 'replication: server CPU per tick <= 0.5x the same state as JSON over ws (issue 15)',
    impls: ['wspeer-replication'],
    baseline: 'json-ws',
    select: (m) => m.id === 'replication/cpu',
    bound: 'max',
    limit: 0.5,
  },
  {
    target: 'browser: wspeer >= 0.95x the page WebSocket',
    impls: ['wspeer-page'],
    baseline: 'page-ws',
    select: (m) => m.group === 'browser',
    bound: 'min',
    limit: 0.95,
  },
];

/** Checks every target against `measurements`: the worst covered scenario decides. */
export function evaluateTargets(measurements: readonly Measurement[]): TargetResult[] {
  return TARGET_RULES.flatMap((rule) =>
    rule.impls.map((impl): TargetResult => {
      let worst = Number.NaN;
      let where = '';
      for (const m of measurements.filter(rule.select)) {
        const ratio = pairedRatio(m.values[impl], m.values[rule.baseline]);
        if (!Number.isFinite(ratio)) continue;
        const worse = rule.bound === 'min' ? ratio < worst : ratio > worst;
        if (Number.isNaN(worst) || worse) {
          worst = ratio;
          where = m.title;
        }
      }
      const status = Number.isNaN(worst)
        ? 'n/a'
        : (rule.bound === 'min' ? worst >= rule.limit : worst <= rule.limit)
          ? 'pass'
          : 'miss';
      return { target: rule.target, impl, ratio: worst, where, status };
    }),
  );
}

import { type ImplId, implementation, WS_CLIENTS, WS_SERVERS } from '../implementations.js';
import type { Measurement } from '../measurement.js';
import { pairedRatio } from '../stats.js';
import { type Baseline, baselineIn } from './best-of.js';

/** One target and how this run did on it. */
export interface TargetResult {
  /** What is promised, e.g. `throughput >= 1.0x the best ws in every echo scenario`. */
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
  /** One implementation, or the best of several, chosen per cell by median. */
  baseline: Baseline;
  /** Which measurements the rule covers. */
  select: (m: Measurement) => boolean;
  /** `min`: ratio must be >= limit; `max`: ratio must be <= limit. */
  bound: 'min' | 'max';
  limit: number;
}

const WSPEER: readonly ImplId[] = ['wspeer-tick', 'wspeer-auto'];
const WSPEER_CLIENTS: readonly ImplId[] = ['client-wspeer-tick', 'client-wspeer-auto'];
const isThroughput = (m: Measurement): boolean => m.unit === 'msg/s';
const echoThroughput = (m: Measurement): boolean => m.group === 'echo' && isThroughput(m);
/** `1 conn x N` with N > 1: messages queue on one connection, so a batching side can coalesce them. */
const pipelined = (m: Measurement): boolean => /\/1x(\d+)$/.test(m.id) && !m.id.endsWith('/1x1');
/** Payload size of an echo or client measurement id (`echo/ws/4096-binary/1x100` -> 4096). */
const sizeOf = (m: Measurement): number => Number(/\/(\d+)-(binary|text)\//.exec(m.id)?.[1] ?? Number.NaN);
const small = (m: Measurement): boolean => sizeOf(m) <= 4096;

/**
 * The targets (issue 19 for the comparison with `ws` as its users tune it; issue 7 for the rest).
 * Node: ratios from the same run; browser: the same page.
 */
export const TARGET_RULES: readonly TargetRule[] = [
  {
    target:
      'server echo >= 1.0x the best tuned ws, every cell with one message per client write (ws client; batching client at 1 in flight per connection)',
    impls: WSPEER,
    baseline: WS_SERVERS,
    select: (m) => echoThroughput(m) && (m.client === 'ws' || !pipelined(m)),
    bound: 'min',
    limit: 1.0,
  },
  {
    target:
      'server echo >= 1.5x the best tuned ws where the client batches small messages (batching client, 1 conn x 100, 32 B and 4 KiB)',
    impls: WSPEER,
    baseline: WS_SERVERS,
    select: (m) => echoThroughput(m) && m.client === 'batch' && pipelined(m) && small(m),
    bound: 'min',
    limit: 1.5,
  },
  {
    target:
      'server echo >= 1.0x the best tuned ws, batching client, large messages pipelined (64 KiB x 100, 1 MiB x 8: bound by bytes, not by writes)',
    impls: WSPEER,
    baseline: WS_SERVERS,
    select: (m) => echoThroughput(m) && m.client === 'batch' && pipelined(m) && !small(m),
    bound: 'min',
    limit: 1.0,
  },
  {
    target: 'round trip p50 <= 1.05x the best ws (a lone message is not delayed)',
    impls: WSPEER,
    baseline: WS_SERVERS,
    select: (m) => m.id === 'rtt/p50',
    bound: 'max',
    limit: 1.05,
  },
  {
    target: 'Node client >= 1.0x the best ws client (with or without bufferutil), every client cell',
    impls: WSPEER_CLIENTS,
    baseline: WS_CLIENTS,
    select: (m) => m.group === 'client' && isThroughput(m),
    bound: 'min',
    limit: 1.0,
  },
  {
    target: 'Node client >= 1.5x the best ws client where it batches small messages (1 conn x 100, 32 B and 4 KiB)',
    impls: WSPEER_CLIENTS,
    baseline: WS_CLIENTS,
    select: (m) => m.group === 'client' && isThroughput(m) && pipelined(m) && small(m),
    bound: 'min',
    limit: 1.5,
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
    target: 'relay >= 0.9x the hand-written ws relay (with bufferutil)',
    impls: WSPEER,
    baseline: 'ws-bu',
    select: (m) => m.group === 'relay' && isThroughput(m),
    bound: 'min',
    limit: 0.9,
  },
  {
    target: 'echo throughput >= 3x socket.io, batching client, 1 conn x 100 in flight (32 B bin/text, 4 KiB)',
    impls: WSPEER,
    baseline: 'socketio',
    select: (m) => echoThroughput(m) && m.client === 'batch' && pipelined(m),
    bound: 'min',
    limit: 3,
  },
  {
    target: 'echo throughput >= 3x socket.io, 100 conns x 1 in flight (stretch: nothing to coalesce)',
    impls: WSPEER,
    baseline: 'socketio',
    select: (m) => echoThroughput(m) && m.client === 'batch' && m.id.endsWith('/100x1'),
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

/** Where a measurement is, for the targets table: its title, and its client kind if it has one. */
function whereOf(m: Measurement, baseline: ImplId): string {
  const client = m.client === undefined ? '' : `, ${m.client} client`;
  return `${m.title}${client} (vs ${implementation(baseline).label})`;
}

/** Checks every target against `measurements`: the worst covered scenario decides. */
export function evaluateTargets(measurements: readonly Measurement[]): TargetResult[] {
  return TARGET_RULES.flatMap((rule) =>
    rule.impls.map((impl): TargetResult => {
      let worst = Number.NaN;
      let where = '';
      for (const m of measurements.filter(rule.select)) {
        const baseline = baselineIn(m, rule.baseline);
        if (baseline === undefined) continue;
        const ratio = pairedRatio(m.values[impl], m.values[baseline]);
        if (!Number.isFinite(ratio)) continue;
        const worse = rule.bound === 'min' ? ratio < worst : ratio > worst;
        if (Number.isNaN(worst) || worse) {
          worst = ratio;
          where = whereOf(m, baseline);
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

import type { BenchContext } from '../bench-context.js';
import { batchOpener } from '../client/batch-connection.js';
import { type ImplId, implementation } from '../implementations.js';
import { runEchoLoad } from '../load/echo-load.js';
import { makePayload } from '../load/make-payload.js';
import { runAlternating } from '../run-alternating.js';
import { quantile } from '../stats.js';
import { echoProtocolFor } from './echo-protocol-for.js';
import { measurementsFrom } from './measurements-from.js';
import { progressLine } from './progress-line.js';
import { ECHO_SERVERS } from './run-echo-scenarios.js';

/** Every echo server, and Socket.IO. */
export const RTT_IMPLS: readonly ImplId[] = [...ECHO_SERVERS, 'socketio'];

/**
 * Round trip: one connection, one 32 B binary message in flight (so one message per write for
 * every client); every round trip of the window is timed on the client. Records p50, p99 and p99.9 per round, in microseconds.
 */
export async function runRttScenario(ctx: BenchContext): Promise<void> {
  const { options, pool } = ctx;
  const errors: string[] = [];
  const impls = RTT_IMPLS.filter((id) => options.impls.length === 0 || options.impls.includes(id));
  const spec = { kind: 'binary', size: 32, connections: 1, window: 1, latency: true } as const;
  const payload = makePayload(spec.kind, spec.size);
  const results = await runAlternating(
    impls,
    options.rounds,
    async (id) => {
      const impl = implementation(id);
      if (impl.echo === undefined) throw new Error(`${impl.label} has no echo server`);
      const server = await pool.get(impl.echo);
      await server.request('start');
      try {
        const open = batchOpener(echoProtocolFor(impl), spec.kind, payload);
        const mark = () => server.request('mark');
        const result = await runEchoLoad(open, server.port, mark, spec, options.warmupMs, options.rttDurationMs);
        for (const error of result.errors) errors.push(`${impl.label}: ${error}`);
        const sorted = (result.latenciesMicros ?? new Float64Array(0)).sort();
        return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), p999: quantile(sorted, 0.999) };
      } finally {
        await server.request('stop');
      }
    },
    (id, error) => errors.push(`${implementation(id).label}: ${String(error)}`),
  );
  const row = (key: string, name: string) =>
    ({ key, id: `rtt/${key}`, title: `round trip ${name}, 32 B binary`, unit: 'us', better: 'lower' }) as const;
  ctx.add(...measurementsFrom('rtt', results, [row('p50', 'p50'), row('p99', 'p99'), row('p999', 'p99.9')], errors));
  ctx.log(progressLine('round trip p50 (us)', results, 'p50', 'us'));
  for (const error of new Set(errors)) ctx.log(`  ! ${error}`);
}

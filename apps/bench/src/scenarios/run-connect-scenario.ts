import type { BenchContext } from '../bench-context.js';
import { type ImplId, implementation } from '../implementations.js';
import { runConnectLoad } from '../load/connect-load.js';
import { runAlternating } from '../run-alternating.js';
import { echoProtocolFor } from './echo-protocol-for.js';
import { measurementsFrom } from './measurements-from.js';
import { progressLine } from './progress-line.js';

/** Servers whose connection setup is compared (masking and corking play no part in it). */
export const CONNECT_IMPLS: readonly ImplId[] = ['ws', 'wspeer-tick', 'wspeer-auto', 'socketio'];

/** Handshakes in flight while measuring connection setup. */
export const CONNECT_CONCURRENCY = 50;

/** Connections each server accepts, untimed, before the rounds: the accept path needs a few thousand to warm up. */
const WARM_UP_CONNECTIONS = 2000;

/**
 * Connection setup rate: `connectCount` connections, 50 handshakes in flight, connections/s.
 * Every server first accepts (and drops) a warm-up batch, so rounds compare JIT-compiled paths.
 */
export async function runConnectScenario(ctx: BenchContext): Promise<void> {
  const { options, pool } = ctx;
  const errors: string[] = [];
  const impls = CONNECT_IMPLS.filter((id) => options.impls.length === 0 || options.impls.includes(id));
  const serverOf = (id: ImplId) => {
    const launch = implementation(id).echo;
    if (launch === undefined) throw new Error(`${id} has no echo server`);
    return pool.get(launch);
  };
  for (const id of impls) {
    const impl = implementation(id);
    const server = await serverOf(id);
    await server.request('start');
    try {
      await runConnectLoad(
        server,
        echoProtocolFor(impl),
        options.quick ? 500 : WARM_UP_CONNECTIONS,
        CONNECT_CONCURRENCY,
      );
    } finally {
      await server.request('stop');
    }
  }
  const results = await runAlternating(
    impls,
    options.rounds,
    async (id) => {
      const impl = implementation(id);
      const server = await serverOf(id);
      await server.request('start');
      try {
        const result = await runConnectLoad(server, echoProtocolFor(impl), options.connectCount, CONNECT_CONCURRENCY);
        return { rate: result.rate };
      } finally {
        await server.request('stop');
      }
    },
    (id, error) => errors.push(`${implementation(id).label}: ${String(error)}`),
  );
  const title = `connection setup, ${options.connectCount} conns, ${CONNECT_CONCURRENCY} in flight`;
  ctx.add(
    ...measurementsFrom(
      'connect',
      results,
      [{ key: 'rate', id: 'connect/rate', title, unit: 'conn/s', better: 'higher' }],
      errors,
    ),
  );
  ctx.log(progressLine(title, results, 'rate', 'conn/s'));
  for (const error of new Set(errors)) ctx.log(`  ! ${error}`);
}

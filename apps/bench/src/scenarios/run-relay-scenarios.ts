import type { BenchContext } from '../bench-context.js';
import { type ImplId, implementation } from '../implementations.js';
import { type RelaySpec, runRelayLoad } from '../load/relay-load.js';
import { runAlternating } from '../run-alternating.js';
import { measurementsFrom } from './measurements-from.js';
import { progressLine } from './progress-line.js';

/** Implementations of the relay scenarios, in column order. */
export const RELAY_IMPLS: readonly ImplId[] = ['ws-bu', 'wspeer-tick', 'wspeer-auto'];

/** The relay workloads: 2 peers x 50 in flight each, 100 peers x 10 each; 32 B payloads. */
export const RELAY_SPECS: readonly RelaySpec[] = [
  { peers: 2, tokens: 50, size: 32 },
  { peers: 100, tokens: 10, size: 32 },
];

/** Multiplayer relay (client to server to client, sender checked), relayed messages/s. */
export async function runRelayScenarios(ctx: BenchContext): Promise<void> {
  const { options, pool } = ctx;
  for (const spec of RELAY_SPECS) {
    const errors: string[] = [];
    const results = await runAlternating(
      RELAY_IMPLS,
      options.rounds,
      async (id) => {
        const impl = implementation(id);
        if (impl.relay === undefined) throw new Error(`${impl.label} has no relay server`);
        const server = await pool.get(impl.relay);
        await server.request('start');
        try {
          const result = await runRelayLoad(server, spec, options.warmupMs, options.durationMs);
          for (const error of result.errors) errors.push(`${impl.label}: ${error}`);
          return { rate: result.rate, cpu: result.cpuMicrosPerMessage };
        } finally {
          await server.request('stop');
        }
      },
      (id, error) => errors.push(`${implementation(id).label}: ${String(error)}`),
    );
    const title = `relay ${spec.size} B, ${spec.peers} peers x ${spec.tokens} in flight`;
    const id = `relay/${spec.peers}`;
    ctx.add(
      ...measurementsFrom(
        'relay',
        results,
        [
          { key: 'rate', id, title, unit: 'msg/s', better: 'higher' },
          { key: 'cpu', id: `${id}/cpu`, title, unit: 'us', better: 'lower' },
        ],
        errors,
      ),
    );
    ctx.log(progressLine(title, results, 'rate', 'msg/s'));
    for (const error of new Set(errors)) ctx.log(`  ! ${error}`);
  }
}

import type { BenchContext } from '../bench-context.js';
import { type ImplId, implementation } from '../implementations.js';
import { sleep } from '../load/sleep.js';
import { runAlternating } from '../run-alternating.js';
import { measurementsFrom } from '../scenarios/measurements-from.js';
import { progressLine } from '../scenarios/progress-line.js';
import { quantile } from '../stats.js';
import { openReplicationClients } from './replication-clients.js';
import { ReplicationProcess } from './replication-process.js';
import type { ReplicationKind } from './replication-server.js';
import { ENTITIES } from './replication-world.js';

/** Peers connected to each server. */
export const REPLICATION_PEERS = 100;

/** The implementations of this scenario and their server kinds. */
export const REPLICATION_IMPLS: ReadonlyArray<[ImplId, ReplicationKind]> = [
  ['wspeer-replication', 'wspeer-replication'],
  ['json-ws', 'json-ws'],
  ['json-ws-compact', 'json-ws-compact'],
];

/**
 * 100 synced entities to 100 peers at 30 Hz, side by side: wspeer's Godot 4 replication
 * (`SceneReplicationInterface`, the bytes a Godot client reads) against the same state as JSON over
 * raw `ws` (what a hand-written server sends), natural and compact. Per round: server CPU per tick,
 * payload bytes per peer per second (received by the clients), p50 / p99 tick time.
 */
export async function runReplicationScenario(ctx: BenchContext): Promise<void> {
  const { options } = ctx;
  const errors: string[] = [];
  const windowMs = options.quick ? 1000 : 3000;
  const warmupMs = options.quick ? 500 : 1000;
  const servers = new Map<ImplId, ReplicationProcess>();
  try {
    for (const [id, kind] of REPLICATION_IMPLS) {
      servers.set(id, await ReplicationProcess.start(kind, ctx.pool.profiledOptions));
    }
    const results = await runAlternating(
      REPLICATION_IMPLS.map(([id]) => id),
      options.rounds,
      async (id) => {
        const server = servers.get(id) as ReplicationProcess;
        await server.request('start');
        const clients = await openReplicationClients(server.port, REPLICATION_PEERS);
        try {
          await sleep(warmupMs);
          clients.reset();
          await server.request('mark');
          const started = performance.now();
          await sleep(windowMs);
          const stats = await server.request('stop');
          const seconds = (performance.now() - started) / 1000;
          const perPeer = clients.bytes().map((b) => b / seconds);
          if (stats.clients !== REPLICATION_PEERS) errors.push(`${implementation(id).label}: ${stats.clients} peers`);
          if (perPeer.some((b) => b === 0)) errors.push(`${implementation(id).label}: a peer got nothing`);
          const ticks = stats.ticks ?? 0;
          const sorted = Float64Array.from(stats.tickMillis ?? []).sort();
          return {
            cpu: ticks === 0 ? Number.NaN : (stats.cpuMicros ?? 0) / ticks,
            bytes: perPeer.reduce((a, b) => a + b, 0) / perPeer.length,
            p50: quantile(sorted, 0.5),
            p99: quantile(sorted, 0.99),
          };
        } finally {
          await clients.close();
        }
      },
      (id, error) => errors.push(`${implementation(id).label}: ${String(error)}`),
    );
    const what = `${ENTITIES} entities, ${REPLICATION_PEERS} peers, 30 Hz`;
    const row = (key: string, title: string, unit: string) =>
      ({ key, id: `replication/${key}`, title: `${title} (${what})`, unit, better: 'lower' }) as const;
    ctx.add(
      ...measurementsFrom(
        'replication',
        results,
        [
          row('cpu', 'server CPU per tick', 'us'),
          row('bytes', 'bytes per peer per second', 'B'),
          row('p50', 'tick time p50', 'ms'),
          row('p99', 'tick time p99', 'ms'),
        ],
        errors,
      ),
    );
    ctx.log(progressLine('replication CPU per tick (us)', results, 'cpu', 'us'));
    ctx.log(progressLine('replication bytes per peer per second', results, 'bytes', 'B'));
    for (const error of new Set(errors)) ctx.log(`  ! ${error}`);
  } finally {
    await Promise.all([...servers.values()].map((server) => server.close()));
  }
}

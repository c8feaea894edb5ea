import type { BenchContext } from '../bench-context.js';
import { ClientProcess } from '../client-process.js';
import { type ImplId, implementation } from '../implementations.js';
import { runAlternating } from '../run-alternating.js';
import type { ServerLaunch } from '../server/bench-server.js';
import { clientSpecs, echoTitle, workloadId } from './echo-workloads.js';
import { measurementsFrom } from './measurements-from.js';
import { progressLine } from './progress-line.js';

/** The Node clients compared, in column order. */
export const CLIENT_IMPLS: readonly ImplId[] = [
  'client-ws',
  'client-ws-bu',
  'client-wspeer-tick',
  'client-wspeer-auto',
];

/**
 * The one server every client talks to: wspeer's autoPoll server, among the fastest echo servers
 * of the echo group (so the client is what limits the rate) and, unlike a game loop, asleep in
 * epoll when there is nothing to do (a spinning server on a shared machine adds scheduling noise).
 */
export const CLIENT_GROUP_SERVER: ServerLaunch = { kind: 'wspeer-echo-auto', bufferutil: true };

/**
 * Node clients compared against the same server: each client kind runs in its own process (on
 * the client CPU, with or without `bufferutil`), in alternating rounds. Records messages/s and
 * the client process's CPU time per message.
 */
export async function runClientScenarios(ctx: BenchContext): Promise<void> {
  const { options, pool } = ctx;
  const impls = CLIENT_IMPLS.filter((id) => options.impls.length === 0 || options.impls.includes(id));
  const specs = clientSpecs().filter(
    (spec) => options.echoIds.length === 0 || options.echoIds.includes(workloadId(spec)),
  );
  if (impls.length === 0 || specs.length === 0) return;
  const clients = new Map<ImplId, Promise<ClientProcess>>();
  const clientOf = (id: ImplId): Promise<ClientProcess> => {
    let client = clients.get(id);
    if (client === undefined) {
      const launch = implementation(id).client;
      if (launch === undefined) throw new Error(`${id} is not a Node client`);
      client = ClientProcess.start(launch, {
        ...(ctx.clientCpu === undefined ? {} : { cpu: ctx.clientCpu }),
        ...(pool.profileDirectory === undefined ? {} : { profileDir: pool.profileDirectory }),
      });
      clients.set(id, client);
    }
    return client;
  };
  try {
    const server = await pool.get(CLIENT_GROUP_SERVER);
    for (const spec of specs) {
      const errors: string[] = [];
      const results = await runAlternating(
        impls,
        options.rounds,
        async (id) => {
          const client = await clientOf(id);
          await server.request('start');
          try {
            const result = await client.run(server.port, spec, options.warmupMs, options.durationMs);
            for (const error of result.errors) errors.push(`${implementation(id).label}: ${error}`);
            return { rate: result.rate, cpu: result.cpuMicrosPerMessage };
          } finally {
            await server.request('stop');
          }
        },
        (id, error) => errors.push(`${implementation(id).label}: ${String(error)}`),
      );
      const id = `client/${workloadId(spec)}`;
      const title = echoTitle(spec);
      ctx.add(
        ...measurementsFrom(
          'client',
          results,
          [
            { key: 'rate', id, title, unit: 'msg/s', better: 'higher' },
            { key: 'cpu', id: `${id}/cpu`, title, unit: 'us', better: 'lower' },
          ],
          errors,
        ),
      );
      ctx.log(progressLine(`client ${title}`, results, 'rate', 'msg/s'));
      for (const error of new Set(errors)) ctx.log(`  ! ${error}`);
    }
  } finally {
    await Promise.all([...clients.values()].map(async (client) => (await client.catch(() => null))?.close()));
  }
}

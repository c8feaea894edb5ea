import type { BenchContext } from '../bench-context.js';
import { batchOpener } from '../client/batch-connection.js';
import { wsOpener } from '../client/ws-connection.js';
import { type ImplId, implementation } from '../implementations.js';
import { runEchoLoad } from '../load/echo-load.js';
import { makePayload } from '../load/make-payload.js';
import { runAlternating } from '../run-alternating.js';
import { echoProtocolFor } from './echo-protocol-for.js';
import {
  type EchoSpec,
  echoId,
  echoSpecs,
  echoTitle,
  MEMORY_FROM_SIZE,
  mibInFlight,
  workloadId,
} from './echo-workloads.js';
import { measurementsFrom } from './measurements-from.js';
import { progressLine } from './progress-line.js';

/** Echo servers compared in every echo workload, in column order. */
export const ECHO_SERVERS: readonly ImplId[] = ['ws', 'ws-cork', 'ws-bu', 'ws-cork-bu', 'wspeer-tick', 'wspeer-auto'];

/** Socket.IO joins the batching client's small-message workloads (its framing is spoken by that client only). */
function implsFor(spec: EchoSpec, only: readonly ImplId[]): ImplId[] {
  const impls =
    spec.client === 'batch' && spec.size <= 4096 ? [...ECHO_SERVERS, 'socketio' as const] : [...ECHO_SERVERS];
  return only.length === 0 ? impls : impls.filter((id) => only.includes(id));
}

/** The echo workloads selected by `--echo` and `--clients`. */
export function selectedEchoSpecs(ctx: BenchContext): EchoSpec[] {
  const { echoIds, clients } = ctx.options;
  return echoSpecs().filter(
    (spec) =>
      clients.includes(spec.client) &&
      (echoIds.length === 0 ||
        echoIds.includes(workloadId(spec)) ||
        echoIds.includes(`${spec.client}/${workloadId(spec)}`)),
  );
}

/**
 * Echo throughput: for each workload and client kind, every implementation's echo server in
 * alternating rounds, driven from this process. Records messages/s, the server process's CPU time
 * per message and, for large messages, the memory it held per MiB in flight.
 */
export async function runEchoScenarios(ctx: BenchContext): Promise<void> {
  const { options, pool } = ctx;
  for (const spec of selectedEchoSpecs(ctx)) {
    const impls = implsFor(spec, options.impls);
    if (impls.length === 0) continue;
    const payload = makePayload(spec.kind, spec.size);
    const errors: string[] = [];
    const results = await runAlternating(
      impls,
      options.rounds,
      async (id) => {
        const impl = implementation(id);
        if (impl.echo === undefined) throw new Error(`${impl.label} has no echo server`);
        const server = await pool.get(impl.echo);
        const baseline = (await server.start(spec.size >= MEMORY_FROM_SIZE)).heldBytes ?? 0;
        try {
          const open =
            spec.client === 'batch'
              ? batchOpener(echoProtocolFor(impl), spec.kind, payload)
              : wsOpener(spec.kind, payload);
          const mark = () => server.request('mark');
          const result = await runEchoLoad(open, server.port, mark, spec, options.warmupMs, options.durationMs);
          for (const error of result.errors) errors.push(`${impl.label}: ${error}`);
          const values: Record<string, number> = { rate: result.rate, cpu: result.cpuMicrosPerMessage };
          if (spec.size >= MEMORY_FROM_SIZE)
            values.memory = (result.peakHeldBytes - baseline) / 2 ** 20 / mibInFlight(spec);
          return values;
        } finally {
          await server.request('stop');
        }
      },
      (id, error) => errors.push(`${implementation(id).label}: ${String(error)}`),
    );
    const id = echoId(spec);
    const title = echoTitle(spec);
    const client = spec.client;
    ctx.add(
      ...measurementsFrom(
        'echo',
        results,
        [
          { key: 'rate', id, title, unit: 'msg/s', better: 'higher', client },
          { key: 'cpu', id: `${id}/cpu`, title, unit: 'us', better: 'lower', client },
          { key: 'memory', id: `${id}/memory`, title, unit: 'MiB/MiB', better: 'lower', client },
        ],
        errors,
      ),
    );
    ctx.log(progressLine(`echo ${title}, ${client} client`, results, 'rate', 'msg/s'));
    for (const error of new Set(errors)) ctx.log(`  ! ${error}`);
  }
}

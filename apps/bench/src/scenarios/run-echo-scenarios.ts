import type { BenchContext } from '../bench-context.js';
import type { PayloadKind } from '../client/echo-protocol.js';
import { type ImplId, implementation } from '../implementations.js';
import { type EchoSpec, runEchoLoad } from '../load/echo-load.js';
import { runAlternating } from '../run-alternating.js';
import { echoProtocolFor } from './echo-protocol-for.js';
import { measurementsFrom } from './measurements-from.js';
import { progressLine } from './progress-line.js';

/** Implementations of the echo scenarios, in column order. */
export const ECHO_IMPLS: readonly ImplId[] = ['ws', 'wspeer-tick', 'wspeer-auto', 'socketio'];

const PAYLOADS: ReadonlyArray<{ kind: PayloadKind; size: number }> = [
  { kind: 'binary', size: 32 },
  { kind: 'text', size: 32 },
  { kind: 'binary', size: 4096 },
];

const SHAPES: ReadonlyArray<{ connections: number; window: number }> = [
  { connections: 1, window: 1 },
  { connections: 1, window: 100 },
  { connections: 100, window: 1 },
];

/** The id of an echo scenario, e.g. `echo/32-binary/1x100`. */
export function echoId(spec: Pick<EchoSpec, 'kind' | 'size' | 'connections' | 'window'>): string {
  return `echo/${spec.size}-${spec.kind}/${spec.connections}x${spec.window}`;
}

/** Every echo workload: 32 B binary, 32 B text, 4 KiB binary; 1 conn x 1, 1 conn x 100, 100 conns x 1. */
export function echoSpecs(): EchoSpec[] {
  return PAYLOADS.flatMap((payload) => SHAPES.map((shape) => ({ ...payload, ...shape })));
}

function title(spec: EchoSpec): string {
  const size = spec.size >= 1024 ? `${spec.size / 1024} KiB` : `${spec.size} B`;
  const conns = spec.connections === 1 ? '1 conn' : `${spec.connections} conns`;
  return `${size} ${spec.kind}, ${conns} x ${spec.window} in flight`;
}

/**
 * Echo throughput: for each workload, every implementation's echo server in alternating rounds,
 * driven by the same bench client from this process. Records messages/s and the server
 * process's CPU time per message.
 */
export async function runEchoScenarios(ctx: BenchContext): Promise<void> {
  const { options, pool } = ctx;
  const specs = echoSpecs().filter(
    (spec) => options.echoIds.length === 0 || options.echoIds.includes(echoId(spec).slice('echo/'.length)),
  );
  for (const spec of specs) {
    const errors: string[] = [];
    const results = await runAlternating(
      ECHO_IMPLS,
      options.rounds,
      async (id) => {
        const impl = implementation(id);
        const server = await pool.get(impl.echo ?? 'ws-echo');
        await server.request('start');
        try {
          const result = await runEchoLoad(server, echoProtocolFor(impl), spec, options.warmupMs, options.durationMs);
          for (const error of result.errors) errors.push(`${impl.label}: ${error}`);
          return { rate: result.rate, cpu: result.serverCpuMicrosPerMessage };
        } finally {
          await server.request('stop');
        }
      },
      (id, error) => errors.push(`${implementation(id).label}: ${String(error)}`),
    );
    const id = echoId(spec);
    ctx.add(
      ...measurementsFrom(
        'echo',
        results,
        [
          { key: 'rate', id, title: title(spec), unit: 'msg/s', better: 'higher' },
          { key: 'cpu', id: `${id}/cpu`, title: title(spec), unit: 'us', better: 'lower' },
        ],
        errors,
      ),
    );
    ctx.log(progressLine(`echo ${title(spec)}`, results, 'rate', 'msg/s'));
    for (const error of new Set(errors)) ctx.log(`  ! ${error}`);
  }
}

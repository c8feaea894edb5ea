import type { BenchContext } from '../bench-context.js';
import { type ImplId, implementation } from '../implementations.js';
import { measureIdleMemory } from '../load/memory-probe.js';
import { runAlternating } from '../run-alternating.js';
import { echoProtocolFor } from './echo-protocol-for.js';
import { measurementsFrom } from './measurements-from.js';
import { progressLine } from './progress-line.js';

/** Memory is the same for both ways of polling, so only the autoPoll server is measured. */
export const MEMORY_IMPLS: readonly ImplId[] = ['ws', 'wspeer-auto', 'socketio'];

/**
 * Idle memory per connection: for each connection count, a fresh server process per
 * implementation and round; RSS and JS heap growth per connection after a full GC.
 */
export async function runMemoryScenario(ctx: BenchContext): Promise<void> {
  const { options } = ctx;
  for (const count of options.memoryConnections) {
    const errors: string[] = [];
    const results = await runAlternating(
      MEMORY_IMPLS,
      options.memoryRounds,
      async (id) => {
        const impl = implementation(id);
        if (impl.echo === undefined) throw new Error(`${impl.label} has no echo server`);
        const result = await measureIdleMemory(impl.echo, echoProtocolFor(impl), count, ctx.pool.processOptions);
        return { rss: result.rssPerConnection, heap: result.heapPerConnection };
      },
      (id, error) => errors.push(`${implementation(id).label}: ${String(error)}`),
    );
    const conns = count.toLocaleString('en-US');
    ctx.add(
      ...measurementsFrom(
        'memory',
        results,
        [
          {
            key: 'rss',
            id: `memory/${count}/rss`,
            title: `RSS per idle conn, ${conns} conns`,
            unit: 'B',
            better: 'lower',
          },
          {
            key: 'heap',
            id: `memory/${count}/heap`,
            title: `JS heap per idle conn, ${conns} conns`,
            unit: 'B',
            better: 'lower',
          },
        ],
        errors,
      ),
    );
    ctx.log(progressLine(`server RSS per idle connection at ${conns}`, results, 'rss', 'B'));
    ctx.log(progressLine(`server heap per idle connection at ${conns}`, results, 'heap', 'B'));
    for (const error of new Set(errors)) ctx.log(`  ! ${error}`);
  }
}

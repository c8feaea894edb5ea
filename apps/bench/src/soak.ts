#!/usr/bin/env node
/**
 * The soak benchmark (not a test): `node apps/bench/dist/soak.js [--idle N] [--cycles N] [--only wspeer|ws]`.
 * For wspeer's `WebSocketServer` (defaults) and raw `ws`, each in its own process: holds N idle
 * connections (default 10,000) and reports RSS and JS heap per connection and open files; then
 * closes them and runs N connect / close cycles (default 20,000), and reports what is left:
 * RSS, heap and open files against the start. Writes `bench-results/soak.json`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeRaw, inParallel, openRaw } from './soak/soak-clients.js';
import type { SoakMemory } from './soak/soak-server.js';

const { values } = parseArgs({
  options: { idle: { type: 'string' }, cycles: { type: 'string' }, only: { type: 'string' } },
});
const IDLE = Number(values.idle ?? 10_000);
const CYCLES = Number(values.cycles ?? 20_000);
const KINDS = values.only === undefined ? ['wspeer', 'ws'] : values.only.split(',');
const SERVER = fileURLToPath(new URL('./soak/soak-server.js', import.meta.url));

/** One soak server process and its memory requests. */
class SoakServer {
  readonly child: ChildProcess;
  readonly port: Promise<number>;
  #next = 1;
  readonly #waiting = new Map<number, (m: SoakMemory) => void>();

  constructor(kind: string) {
    this.child = fork(SERVER, [kind], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.port = new Promise((resolve) => this.#waiting.set(0, (m) => resolve((m as unknown as { port: number }).port)));
    this.child.on('message', (reply: { id: number; result: SoakMemory }) => {
      this.#waiting.get(reply.id)?.(reply.result);
      this.#waiting.delete(reply.id);
    });
  }

  memory(): Promise<SoakMemory> {
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.child.send({ id, cmd: 'memory' });
    });
  }

  stop(): void {
    this.child.kill('SIGKILL');
  }
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KiB`;

async function settle(server: SoakServer, connections: number): Promise<SoakMemory> {
  for (let i = 0; i < 200; i++) {
    const m = await server.memory();
    if (m.connections === connections) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
  return server.memory();
}

async function soak(kind: string): Promise<Record<string, unknown>> {
  const server = new SoakServer(kind);
  try {
    const port = await server.port;
    const start = await settle(server, 0);
    const sockets: Socket[] = [];
    let failed = 0;
    const openStarted = performance.now();
    await inParallel(IDLE, 100, async (i) => {
      const socket = await openRaw(port, i);
      if (socket === null) failed++;
      else sockets.push(socket);
    });
    const openSeconds = (performance.now() - openStarted) / 1000;
    const idle = await settle(server, sockets.length);
    await inParallel(sockets.length, 200, (i) => closeRaw(sockets[i] as Socket));
    const closed = await settle(server, 0);
    let cycleFailures = 0;
    const cyclesStarted = performance.now();
    await inParallel(CYCLES, 50, async (i) => {
      const socket = await openRaw(port, i);
      if (socket === null) cycleFailures++;
      else await closeRaw(socket);
    });
    const cyclesSeconds = (performance.now() - cyclesStarted) / 1000;
    const end = await settle(server, 0);
    const held = sockets.length;
    return {
      kind,
      idle: { held, failed, seconds: openSeconds },
      perConnection: { rss: (idle.rss - start.rss) / held, heap: (idle.heapUsed - start.heapUsed) / held },
      openFiles: { start: start.openFiles, idle: idle.openFiles, afterClose: closed.openFiles, end: end.openFiles },
      cycles: { count: CYCLES, failed: cycleFailures, seconds: cyclesSeconds, perSecond: CYCLES / cyclesSeconds },
      memory: { start, idle, afterClose: closed, end },
    };
  } finally {
    server.stop();
  }
}

const results = [];
for (const kind of KINDS) {
  console.log(`soak ${kind}: ${IDLE} idle connections, then ${CYCLES} connect/close cycles...`);
  const r = (await soak(kind)) as {
    kind: string;
    idle: { held: number; failed: number; seconds: number };
    perConnection: { rss: number; heap: number };
    openFiles: { start: number; idle: number; afterClose: number; end: number };
    cycles: { failed: number; perSecond: number };
    memory: Record<'start' | 'idle' | 'afterClose' | 'end', SoakMemory>;
  };
  results.push(r);
  const m = r.memory;
  console.log(
    [
      `  held ${r.idle.held} idle connections (${r.idle.failed} failed) in ${r.idle.seconds.toFixed(1)} s`,
      `  per connection: RSS ${kb(r.perConnection.rss)}, JS heap ${kb(r.perConnection.heap)}`,
      `  open files: ${r.openFiles.start} at start, ${r.openFiles.idle} idle, ${r.openFiles.afterClose} after closing, ${r.openFiles.end} after the cycles`,
      `  RSS: ${mb(m.start.rss)} at start, ${mb(m.idle.rss)} idle, ${mb(m.afterClose.rss)} after closing, ${mb(m.end.rss)} after the cycles`,
      `  JS heap after GC: ${mb(m.start.heapUsed)} at start, ${mb(m.idle.heapUsed)} idle, ${mb(m.end.heapUsed)} after the cycles`,
      `  cycles: ${r.cycles.perSecond.toFixed(0)}/s, ${r.cycles.failed} failed`,
    ].join('\n'),
  );
}
const out = join(process.cwd(), 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'soak.json'), `${JSON.stringify({ idle: IDLE, cycles: CYCLES, results }, null, 2)}\n`);
console.log(`written: ${join(out, 'soak.json')}`);
process.exit(0);

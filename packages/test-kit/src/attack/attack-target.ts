/**
 * Child entry: `node --expose-gc attack-target.js <public|demo> [demo module path]`. Starts the
 * target server on 127.0.0.1 (port 0) and answers `stats` (endpoint stats, heap after GC, RSS,
 * open files, log volume, worst event-loop delay since the last `stats`) until told to exit.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { serveRequests } from './child.js';
import { startPublicTarget, type Target } from './public-target.js';
import type { TargetStats } from './target-stats.js';

const [kind = 'public', demoModule = '', heartbeat = '0'] = process.argv.slice(2);
const log = { lines: 0, chars: 0 };
const sink = (line: string): void => {
  log.lines++;
  log.chars += line.length + 1;
};

async function start(): Promise<Target> {
  const heartbeatInterval = Number(heartbeat);
  if (kind === 'public') return startPublicTarget({ heartbeatInterval, log: sink });
  const { startDemoServer } = (await import(pathToFileURL(demoModule).href)) as {
    startDemoServer: (o: object) => Promise<{ port: number; stats(): object; close(): Promise<void> }>;
  };
  const root = mkdtempSync(join(tmpdir(), 'wspeer-attack-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>attack target</title>');
  const demo = await startDemoServer({ port: 0, host: '127.0.0.1', staticRoot: root, log: sink, heartbeatInterval });
  return {
    port: demo.port,
    stats: () => demo.stats() as Record<string, unknown>,
    close: () => demo.close(),
  };
}

/** The target's own stats; `{}` from a build without them (to run this suite against older code). */
function serverStats(): Record<string, unknown> {
  try {
    return target.stats();
  } catch {
    return {};
  }
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('attack-target must run with --expose-gc');
  gc();
  gc();
}

const target = await start();
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
serveRequests({ port: target.port }, (cmd) => {
  if (cmd !== 'stats') throw new Error(`unknown command ${cmd}`);
  const worstLoopDelayMs = delay.max / 1e6;
  const cpu = process.cpuUsage();
  collectGarbage();
  const memory = process.memoryUsage();
  const stats: TargetStats = {
    server: serverStats(),
    heapUsedMB: memory.heapUsed / 2 ** 20,
    rssMB: memory.rss / 2 ** 20,
    openFiles: readdirSync('/proc/self/fd').length,
    logLines: log.lines,
    logChars: log.chars,
    worstLoopDelayMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  delay.reset();
  return stats;
});

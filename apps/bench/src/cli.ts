/**
 * `pnpm bench [--quick] ...`: runs the scenarios (wspeer against raw `ws` and Socket.IO, side by
 * side, alternating rounds), prints the tables and targets, and writes
 * `bench-results/latest.json` (and `apps/bench/RESULTS.md` after a full run).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './bench-context.js';
import { type BenchOptions, type Group, parseBenchOptions, USAGE } from './bench-options.js';
import { pinCpus } from './cpu-pinning.js';
import { IMPLEMENTATIONS } from './implementations.js';
import type { Measurement } from './measurement.js';
import { bufferutilLoaded } from './native-masking.js';
import { runReplicationScenario } from './replication/run-replication-scenario.js';
import type { BenchReport } from './report/bench-report.js';
import { machineInfo } from './report/machine-info.js';
import { handWrittenNotes, renderMarkdownReport, renderTextReport } from './report/render-report.js';
import { evaluateTargets } from './report/targets.js';
import { runBrowserScenario } from './scenarios/run-browser-scenario.js';
import { runClientScenarios } from './scenarios/run-client-scenarios.js';
import { runConnectScenario } from './scenarios/run-connect-scenario.js';
import { runEchoScenarios } from './scenarios/run-echo-scenarios.js';
import { runMemoryScenario } from './scenarios/run-memory-scenario.js';
import { runRelayScenarios } from './scenarios/run-relay-scenarios.js';
import { runRttScenario } from './scenarios/run-rtt-scenario.js';
import { ServerPool } from './server-pool.js';

const APP_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const ROOT = dirname(dirname(APP_DIR));
const RESULTS_DIR = join(ROOT, 'bench-results');

/** Who drives the servers, by client kind. */
function clientSetup(): Record<string, string> {
  return {
    batch:
      'the bench client: RFC 6455 over a raw `net.Socket` in the orchestrating process (servers run in their own processes), ' +
      'prebuilt masked frames, everything sent while handling one received chunk in one write (one message per write when ' +
      'a connection has one in flight), so the server is the bottleneck',
    ws:
      `\`ws\` 8.23 clients in the orchestrating process (bufferutil ${bufferutilLoaded() ? 'loaded' : 'NOT loaded'}), ` +
      'one `ws.send` per message from the message event: one socket write per message, as a Node bot writes',
    'client group':
      'each Node client in its own process on the client CPU, against one wspeer autoPoll server on the other',
  };
}

const RUNNERS: Record<Group, (ctx: BenchContext) => Promise<void>> = {
  echo: runEchoScenarios,
  client: runClientScenarios,
  rtt: runRttScenario,
  connect: runConnectScenario,
  memory: runMemoryScenario,
  relay: runRelayScenarios,
  browser: runBrowserScenario,
  replication: runReplicationScenario,
};

async function run(options: BenchOptions): Promise<number> {
  const started = performance.now();
  const machine = machineInfo();
  const log = (line: string): void =>
    console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  log(
    `${machine.nproc} CPUs, ${machine.cpuModel}, Node ${machine.node}; ${options.quick ? 'quick' : 'full'} run: ${options.groups.join(', ')}`,
  );
  const profileDir = options.profile ? join(RESULTS_DIR, 'profiles') : undefined;
  if (profileDir !== undefined) await mkdir(profileDir, { recursive: true });
  const pinning = pinCpus();
  log(
    pinning === null
      ? 'CPU pinning: off'
      : `CPU pinning: client on CPU ${pinning.client}, servers on CPU ${pinning.server}`,
  );
  const pool = new ServerPool(profileDir, pinning?.server);
  const measurements: Measurement[] = [];
  const ctx: BenchContext = {
    options,
    pool,
    clientCpu: pinning?.client,
    log,
    add: (...m) => measurements.push(...m),
  };
  let failed = false;
  try {
    for (const group of options.groups) {
      try {
        await RUNNERS[group](ctx);
      } catch (error) {
        failed = true;
        log(`${group} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    await pool.closeAll();
  }
  const report: BenchReport = {
    machine,
    options,
    seconds: (performance.now() - started) / 1000,
    setup: {
      clients: clientSetup(),
      implementations: Object.fromEntries(IMPLEMENTATIONS.map((impl) => [impl.label, impl.description])),
    },
    measurements,
    targets: evaluateTargets(measurements),
  };
  console.log(`\n${renderTextReport(report)}\n`);
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = join(RESULTS_DIR, 'latest.json');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${json}`);
  if (options.writeMarkdown) {
    const markdown = join(APP_DIR, 'RESULTS.md');
    const notes = handWrittenNotes(await readFile(markdown, 'utf8').catch(() => ''));
    await writeFile(markdown, renderMarkdownReport(report, notes));
    log(`wrote ${markdown}`);
  }
  log(`done in ${report.seconds.toFixed(0)} s`);
  return failed ? 1 : 0;
}

let options: BenchOptions;
try {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
run(options).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

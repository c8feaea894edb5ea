#!/usr/bin/env node
// The newcomer's commands: `npm run demo`, `npm test` (and `npm run bench`, `npm run docs`, `npm run exec -- <tool>`).
// Uses only Node built-ins: fetches the pinned pnpm, installs the workspace, installs Debian's
// chromium, godot3-server and redis-server when tests need them, builds, then runs the demo or every test step.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const PNPM_VERSION = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const mode = process.argv[2] ?? 'test';
const extraArgs = process.argv.slice(3);
const SYSTEM_PACKAGES = [
  { name: 'chromium', binary: '/usr/bin/chromium', why: 'browser tests and the Godot 4.6 web runner' },
  { name: 'godot3-server', binary: '/usr/bin/godot3-server', why: 'Godot 3.2 interop tests' },
  { name: 'redis-server', binary: '/usr/bin/redis-server', why: 'the cluster (Redis) tests and benchmark' },
];

function log(line) {
  console.log(`\x1b[36m[wspeer]\x1b[0m ${line}`);
}

function findPnpm() {
  const local = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (local.status === 0 && local.stdout.trim() === PNPM_VERSION) return 'pnpm';
  log(`fetching pnpm ${PNPM_VERSION} with npm exec`);
  const found = spawnSync('npm', ['exec', '--yes', `--package=pnpm@${PNPM_VERSION}`, '-c', 'command -v pnpm'], {
    encoding: 'utf8',
    cwd: root,
  });
  const path = found.stdout.trim().split('\n').pop();
  if (found.status !== 0 || !path) {
    console.error(found.stderr);
    throw new Error(`could not fetch pnpm ${PNPM_VERSION} (npm exec failed)`);
  }
  return path;
}

/** Runs a command with inherited output; returns its exit status. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

function mustRun(command, args, what) {
  const started = Date.now();
  const status = run(command, args);
  if (status !== 0) {
    console.error(`\n[wspeer] ${what} failed (exit ${status})`);
    process.exit(status);
  }
  log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function ensureSystemPackages(packages) {
  const missing = packages.filter((p) => !existsSync(p.binary));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name).join(' ');
  if (process.getuid?.() !== 0) {
    console.error(`[wspeer] missing ${names} (${missing.map((p) => p.why).join(', ')}). Install them with:`);
    console.error(`  sudo apt-get update && sudo apt-get install -y ${names}`);
    process.exit(1);
  }
  const install = `export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq ${names} >/dev/null`;
  mustRun('sh', ['-c', install], `apt-get install ${names}`);
}

function prepare(pnpm) {
  if (process.env.WSPEER_SKIP_INSTALL !== '1') {
    mustRun(pnpm, ['install', '--frozen-lockfile', '--reporter=append-only'], 'pnpm install');
  }
  if (process.env.WSPEER_SKIP_BUILD === '1') return; // set by tests that run this script after a build
  mustRun(pnpm, ['exec', 'tsc', '-b'], 'build packages (tsc -b)');
  mustRun(process.execPath, ['scripts/prod-build.mjs'], 'production build of the browser packages (messages as codes)');
  mustRun(pnpm, ['exec', 'vite', 'build', 'apps/demo', '--logLevel', 'warn'], 'build demo page (vite)');
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Passed/failed counts of a Vitest JSON report; skipped tests count as failed (none allowed). */
function vitestCounts(report) {
  if (report === null) return null;
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  const skipped = report.numPendingTests + report.numTodoTests;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles + skipped, skipped };
}

/** Passed/failed counts of a Playwright JSON report. */
function playwrightCounts(report) {
  if (report === null) return null;
  const s = report.stats;
  const failedSuites = (report.errors ?? []).length;
  return { passed: s.expected + s.flaky, failed: s.unexpected + s.skipped + failedSuites, skipped: s.skipped };
}

/** Passed/failed counts of our own JSON reports (`{ tests: [{ name, passed }] }`). */
function ownCounts(report) {
  if (report === null) return null;
  const passed = report.tests.filter((t) => t.passed).length;
  return { passed, failed: report.tests.length - passed, skipped: 0 };
}

function testAll(pnpm) {
  const reports = join(root, 'reports');
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const x = (...args) => [pnpm, ['exec', ...args]];
  const steps = [
    { name: 'typecheck', cmd: x('tsc', '-p', 'tsconfig.check.json') },
    { name: 'lint (biome + TypeDoc)', cmd: [pnpm, ['run', '--silent', 'lint']] },
    {
      name: 'vitest node + chromium',
      cmd: x(
        'vitest',
        'run',
        '--project',
        'node',
        '--project',
        'chromium',
        '--reporter=default',
        '--reporter=json',
        '--outputFile.json=reports/vitest-shared.json',
      ),
      report: 'vitest-shared.json',
      count: vitestCounts,
    },
    {
      name: 'vitest node-only',
      cmd: x(
        'vitest',
        'run',
        '--project',
        'node-only',
        '--reporter=default',
        '--reporter=json',
        '--outputFile.json=reports/vitest-node.json',
      ),
      report: 'vitest-node.json',
      count: vitestCounts,
    },
    {
      // Adversarial tests run alone, after the parallel steps, so their timing figures mean something.
      name: 'vitest attack',
      cmd: x(
        'vitest',
        'run',
        '--project',
        'attack',
        '--reporter=default',
        '--reporter=json',
        '--outputFile.json=reports/vitest-attack.json',
      ),
      report: 'vitest-attack.json',
      count: vitestCounts,
    },
    { name: 'bundle check', cmd: ['node', ['scripts/bundle-check.mjs']], report: 'bundle.json', count: ownCounts },
    {
      name: 'package check',
      cmd: ['node', ['scripts/package-check.mjs']],
      report: 'package.json',
      count: ownCounts,
    },
    { name: 'playwright e2e', cmd: x('playwright', 'test'), report: 'playwright.json', count: playwrightCounts },
  ];
  const results = [];
  for (const step of steps) {
    log(`── ${step.name}`);
    const started = Date.now();
    const status = run(step.cmd[0], step.cmd[1], { env: { ...process.env, CI: process.env.CI ?? '1' } });
    const seconds = (Date.now() - started) / 1000;
    let counts = step.count ? step.count(readJson(join(reports, step.report))) : null;
    if (counts === null)
      counts = status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
    if (status !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
    results.push({ name: step.name, status, seconds, ...counts });
  }
  console.log('\n step                      result   passed  failed   time');
  for (const r of results) {
    const result = r.status === 0 && r.failed === 0 ? 'ok' : 'FAILED';
    console.log(
      ` ${r.name.padEnd(25)} ${result.padEnd(7)} ${String(r.passed).padStart(7)} ${String(r.failed).padStart(7)} ${r.seconds.toFixed(1).padStart(6)} s${r.skipped ? `  (${r.skipped} skipped: not allowed)` : ''}`,
    );
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`\nTests: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

function demo() {
  // The arguments go to the demo server unchanged (it parses them: a port, --port, --host, --help).
  const child = spawn(process.execPath, ['apps/server/dist/cli.js', ...extraArgs], { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const started = Date.now();
const pnpm = findPnpm();
if (mode === 'test') ensureSystemPackages(SYSTEM_PACKAGES);
else if (mode === 'bench') ensureSystemPackages(SYSTEM_PACKAGES.filter((p) => p.name === 'redis-server'));
prepare(pnpm);
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (mode === 'test') testAll(pnpm);
else if (mode === 'demo') demo();
else if (mode === 'bench') process.exit(run(pnpm, ['--filter', '@wspeer/bench', 'run', 'bench', ...extraArgs]));
else if (mode === 'exec') process.exit(run(pnpm, ['exec', ...extraArgs]));
else {
  console.error(`usage: node scripts/bootstrap.mjs test|demo|bench|exec <command>`);
  process.exit(2);
}

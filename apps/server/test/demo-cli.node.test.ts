/**
 * The demo's command line as the README shows it: `npm run demo -- 9000`, `-- --port 9000`,
 * `PORT=9000`, `-- --host 0.0.0.0` and `--help`, through scripts/bootstrap.mjs (what `npm run demo`
 * runs; install and build skipped, the suite built everything), plus a busy port in one line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type LineProcess, startLineProcess } from '@wspeer/test-kit/node';
import { afterEach, describe, expect, it } from 'vitest';
import { nextMessage, opened, WebSocketPeer } from 'wspeer';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const env = { WSPEER_SKIP_INSTALL: '1', WSPEER_SKIP_BUILD: '1', PORT: '', HOST: '' };
const page = mkdtempSync(join(tmpdir(), 'wspeer-demo-page-'));
writeFileSync(join(page, 'index.html'), '<!doctype html><title>demo</title>');

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function demo(args: string[], extraEnv: Record<string, string> = {}): LineProcess {
  const child = startLineProcess(process.execPath, ['scripts/bootstrap.mjs', 'demo', ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    timeoutMs: 30_000,
  });
  cleanup.push(() => child.stop());
  return child;
}

/** Waits for the listening line, checks /echo answers on 127.0.0.1:port, stops the server. */
async function expectServing(child: LineProcess, host: string, port: number): Promise<void> {
  await child.waitFor(new RegExp(`^wspeer demo listening on http://${host.replace(/\./g, '\\.')}:${port}/`), 20_000);
  const peer = new WebSocketPeer({ autoPoll: true });
  peer.connectToUrl(`ws://127.0.0.1:${port}/echo`);
  await opened(peer, 5000);
  peer.sendText('hi');
  expect(await nextMessage(peer, 5000)).toBe('hi');
  peer.close();
  expect(await child.stop()).toBe(0);
}

describe('npm run demo', () => {
  it('-- --help prints the usage (through npm itself)', async () => {
    const child = startLineProcess('npm', ['run', '--silent', 'demo', '--', '--help'], {
      cwd: root,
      env,
      timeoutMs: 60_000,
    });
    cleanup.push(() => child.stop());
    expect(await child.exited).toBe(0);
    const text = child.stdout.join('\n');
    expect(text).toMatch(/npm run demo -- 9000/);
    expect(text).toMatch(/--host 0\.0\.0\.0 .*phone/s);
  }, 60_000);

  it('-- 9000 (a port as the first argument)', async () => {
    const port = await freePort();
    await expectServing(demo([String(port), '--static', page]), '127.0.0.1', port);
  });

  it('-- --port 9000', async () => {
    const port = await freePort();
    await expectServing(demo(['--port', String(port), '--static', page]), '127.0.0.1', port);
  });

  it('PORT=9000', async () => {
    const port = await freePort();
    await expectServing(demo(['--static', page], { PORT: String(port) }), '127.0.0.1', port);
  });

  it('-- --host 0.0.0.0 serves every interface and says how to reach it from the network', async () => {
    const port = await freePort();
    const child = demo(['--host', '0.0.0.0', '--port', String(port), '--static', page]);
    await child.waitFor(/^wspeer demo listening on http:\/\/0\.0\.0\.0:/, 20_000);
    await expectServing(child, '0.0.0.0', port);
  });

  it('a busy port is one line on stderr and exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => blocker.close(resolve)));
    const port = (blocker.address() as { port: number }).port;
    const child = demo([String(port), '--static', page]);
    expect(await child.exited).toBe(1);
    expect(child.stderr).toEqual([
      `wspeer demo: cannot listen on 127.0.0.1 port ${port}: the port is already in use (EADDRINUSE); stop the other server or choose another port (npm run demo -- 9000)`,
    ]);
  });

  it('a bad port or option is one line on stderr and exit code 2', async () => {
    for (const args of [['70000'], ['--port'], ['--nope'], ['1', '2'], ['--redis', 'localhost:6379']]) {
      const child = demo(args);
      expect(await child.exited, args.join(' ')).toBe(2);
      expect(child.stderr, args.join(' ')).toHaveLength(1);
      expect(child.stderr[0]).toMatch(/^wspeer demo: .*\(npm run demo -- --help shows the usage\)$/);
    }
  });

  it('--redis with nothing listening there is one line on stderr and exit code 1', async () => {
    const child = demo(['0', '--redis', `redis://127.0.0.1:${await freePort()}`]);
    expect(await child.exited).toBe(1);
    expect(child.stderr).toHaveLength(1);
    expect(child.stderr[0]).toMatch(/^wspeer demo: cannot use Redis at redis:\/\/127\.0\.0\.1:\d+: /);
  });
});

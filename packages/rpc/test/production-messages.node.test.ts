/**
 * The production build (`scripts/prod-build.mjs`, served under `browser` + `production`, as a bundler
 * builds a page for production) over real sockets: a browser-build client in a child Node process
 * (`--experimental-websocket --conditions=browser`, its WebSocket is the WHATWG one) refuses an RPC
 * and fails a call, once as the development build and once with `--conditions=production`. The
 * production run must carry codes, not texts, and each code, looked up in docs/messages.md with its
 * values (`wspeer explain`), must give back the development run's text exactly: the register is what
 * users decode production messages with.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { explainMessage, parseMessageRegister } from '@wspeer/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./fixtures/coded-refusal.mjs', import.meta.url));
const register = readFileSync(fileURLToPath(new URL('../../../docs/messages.md', import.meta.url)), 'utf8');

interface Outcome {
  adapter: string;
  reason: string;
  kind: string;
  callError: string;
}

/** A Node server (development build) that calls `hit` on node Main/Missing of every client that joins. */
const server = new WebSocketMultiplayerPeer({ autoPoll: true });
const api = new MultiplayerAPI(server, { autoPoll: true });
const missing = api.node('Main/Missing', { methods: { hit: { mode: 'remote', handler() {} } } });
server.on('peer_connected', (id) => missing.rpcId(id, 'hit'));
let port = 0;
beforeAll(async () => {
  server.createServer(0, '127.0.0.1');
  port = await server.listening(5000);
});
afterAll(() => server.close());

async function client(production: boolean): Promise<Outcome> {
  const conditions = ['--experimental-websocket', '--no-warnings', '--conditions=browser'];
  if (production) conditions.push('--conditions=production');
  const { stdout } = await run(process.execPath, [...conditions, script, String(port)], { timeout: 15_000 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Outcome;
}

/** The text of a coded message, from the register (what `wspeer explain` prints). */
function expand(coded: string): string | null {
  return explainMessage(coded, parseMessageRegister(register));
}

describe('production build: messages as codes', () => {
  it('a browser client refuses and fails with codes whose register rows give back the texts', async () => {
    const [dev, prod] = await Promise.all([client(false), client(true)]);
    expect(dev.adapter).toBe('browser');
    expect(prod.adapter).toBe('browser');
    expect(dev.reason).toBe('No node Main/Missing.');
    expect(dev.callError).toBe('Attempt to remote call unexisting ID: 77.');
    expect(prod.reason).toMatch(/^\[wspeer \d+\] Main\/Missing$/);
    expect(prod.callError).toMatch(/^\[wspeer \d+\] 77$/);
    // The kind is a name from the code, the same in both builds (stats and listeners key on it).
    expect(prod.kind).toBe('unknown-node');
    expect(dev.kind).toBe('unknown-node');
    expect(expand(prod.reason)).toBe(dev.reason);
    expect(expand(prod.callError)).toBe(dev.callError);
  });
});

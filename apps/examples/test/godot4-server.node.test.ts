/**
 * The README's Node server for Godot 4 games (apps/examples/src/godot4-server.ts), run as a process,
 * with a live Godot 4.6 client (the test kit's `greeter` probe: create_client, @rpc, rpc_id).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Godot4Browser, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
let godot4: Godot4Browser;
const children: ChildProcess[] = [];
beforeAll(async () => {
  godot4 = await startGodot4Browser();
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await godot4.stopAll();
});
afterAll(() => godot4?.close());

it('an unmodified-style Godot 4.6 client calls the example server and gets its welcome', {
  timeout: 60_000,
}, async () => {
  const child = spawn(process.execPath, [`${dist}godot4-server.js`, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port in:\n${lines.join('\n')}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      const match = lines.map((l) => /listening on ws:\/\/localhost:(\d+)/.exec(l)).find(Boolean);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  const client = await godot4.start('greeter', { url: `ws://127.0.0.1:${port}`, name: 'Ada' });
  const { id } = await client.waitFor('connected_to_server', 30_000);
  expect(await client.waitFor('welcome')).toMatchObject({ text: 'Welcome, Ada!', from: 1 });
  await expect.poll(() => lines, { timeout: 5_000 }).toContain(`Ada is peer ${id}`);
  expect(lines).toContain(`peer ${id} connected`);
});

/**
 * The Godot 4.6 runner against the live engine (the official web build in headless Chromium): it
 * boots our packs, passes arguments, reports exit codes, failures and time limits, and a Godot 4
 * WebSocketPeer talks to the test server's raw `ws` echo (text stays text, binary stays binary).
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchLog, pollUntil, uniqueId } from '@wspeer/test-kit';
import {
  type Godot4Browser,
  godot4ProjectsDir,
  readGodot4Engine,
  readTree,
  startGodot4Browser,
  startGodot4StaticServer,
} from '@wspeer/test-kit/godot4';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';

/** Engine boot on 2 loaded cores: about 1-6 s, first cold run up to about 13 s. */
const BOOT_MS = 30_000;
/** Per test: above BOOT_MS, so a Godot that never answers fails with its transcript, not a bare timeout. */
const TEST_MS = 60_000;
const urls = inject('urls');

let godot4: Godot4Browser;
beforeAll(async () => {
  godot4 = await startGodot4Browser();
});
afterEach(() => godot4.stopAll());
afterAll(() => godot4?.close());

describe('the Godot 4.6 web runner', { timeout: TEST_MS }, () => {
  it('boots the pinned 4.6 build, passes key=value arguments, loads every file of our PCK, exits with its code', async () => {
    const args = { greeting: 'héllo ✓', path: 'a=b&c', exit: 7 };
    const client = await godot4.start('hello', args);
    const ready = await client.waitFor('ready', BOOT_MS);
    expect(ready.version).toBe('4.6-stable (official)');
    expect(ready.args).toEqual({ greeting: 'héllo ✓', path: 'a=b&c', exit: '7' });
    expect(client.output).toContain('Godot Engine v4.6.stable.official.89cea1439 - https://godotengine.org');

    // What Godot read from our pack: every file (listed through res://) and its md5 as Godot computed it.
    const hello = await client.waitFor('hello');
    const packed = [
      ...(await readTree(join(godot4ProjectsDir, 'hello'))),
      ...(await readTree(join(godot4ProjectsDir, 'shared'), 'shared/')),
      { path: '.godot/global_script_class_cache.cfg', data: new TextEncoder().encode('list=[]\n') },
    ];
    const expected = Object.fromEntries(
      packed.map((f) => [`res://${f.path}`, createHash('md5').update(f.data).digest('hex')]),
    );
    expect(hello.files).toEqual(Object.keys(expected).sort());
    expect(hello.md5).toEqual(expected);
    expect(hello).toMatchObject({ child: 'Child', greeting: 'hello from child.gd' });
    expect(await client.exited).toBe('exit 7');
    expect(client.all('quit')).toEqual([{ event: 'quit', code: 7 }]);
  });

  it('ws_echo: a Godot 4 WebSocketPeer gets text back as text and binary as binary, and closes 1000 "done"', async () => {
    const id = uniqueId('g4echo');
    const client = await godot4.start('ws_echo', { url: `${urls.rawEcho}?id=${id}`, text: 'héllo ✓', hex: '00ff7f80' });
    await client.waitFor('open', BOOT_MS);
    await client.waitFor('closed');
    expect(client.all('sent')).toEqual([
      { event: 'sent', kind: 'text', err: 0 },
      { event: 'sent', kind: 'binary', err: 0 },
    ]);
    expect(client.all('received')).toEqual([
      { event: 'received', string: true, text: 'héllo ✓' },
      { event: 'received', string: false, hex: '00ff7f80' },
    ]);
    expect(client.all('closed')).toEqual([{ event: 'closed', code: 1000, reason: 'done', was_open: true }]);
    expect(await client.exited).toBe('exit 0');
    let log = await fetchLog(urls.http, id);
    await pollUntil([], () => log?.closed != null, 'the echo server to see the close', 5000).catch(() => {});
    log = await fetchLog(urls.http, id);
    expect(log).toMatchObject({ opened: true, protocol: '', messages: 2, closed: { code: 1000, reason: 'done' } });
  });

  it('a probe that does not exist: start() rejects at once, naming the folder it looked in', async () => {
    await expect(godot4.start('no_such_probe')).rejects.toThrow(
      /no Godot 4 project "no_such_probe": .*project\.godot is missing/,
    );
  });

  it('a page whose engine cannot start (no such pack) ends with "start failed" and the reason, not a timeout', async () => {
    const client = await godot4.open(godot4.server.pageUrl('no_such_probe'), 'no_such_probe');
    const started = Date.now();
    await expect(client.waitFor('ready', BOOT_MS)).rejects.toThrow(/ended \(start failed\) before event "ready"/);
    expect(Date.now() - started).toBeLessThan(BOOT_MS / 2);
    expect(await client.exited).toBe('start failed');
    expect(client.transcript()).toMatch(/404/);
  });

  it('a probe whose script does not compile ends at once with the parse error and its line', async () => {
    const root = await mkdtemp(join(tmpdir(), 'wspeer-g4-'));
    const server = await startGodot4StaticServer({ projectsDir: root });
    try {
      await mkdir(join(root, 'broken'));
      const hello = join(godot4ProjectsDir, 'hello');
      await writeFile(join(root, 'broken', 'project.godot'), await readFile(join(hello, 'project.godot')));
      await writeFile(join(root, 'broken', 'main.tscn'), await readFile(join(hello, 'main.tscn')));
      await writeFile(join(root, 'broken', 'main.gd'), 'extends Node\n\nfunc _ready():\n\tvar x := \n');
      const client = await godot4.open(server.pageUrl('broken'), 'broken');
      await expect(client.waitFor('ready', BOOT_MS)).rejects.toThrow(
        /ended \(ERROR: Failed to load script "res:\/\/main\.gd"/,
      );
      expect(client.transcript()).toMatch(/SCRIPT ERROR: Parse Error: .*\n.*res:\/\/main\.gd:4/);
    } finally {
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('serves the engine as application/wasm, favicon 204, packs on request, 404 for the rest', async () => {
    const get = (path: string) => fetch(new URL(path, godot4.server.url));
    const wasm = await get('/index.wasm');
    expect([wasm.status, wasm.headers.get('content-type')]).toEqual([200, 'application/wasm']);
    expect((await wasm.arrayBuffer()).byteLength).toBe(37_686_550);
    expect((await get('/favicon.ico')).status).toBe(204);
    const pck = await get('/hello.pck');
    expect(Buffer.from(await pck.arrayBuffer())).toEqual(Buffer.from(await godot4.server.pack('hello')));
    const missing = await get('/no_such_probe.pck');
    expect([missing.status, await missing.text()]).toEqual([404, expect.stringMatching(/no Godot 4 project/)]);
    expect((await get('/../package.json')).status).toBe(404);
  });

  it('closes a page at its time limit, and stop() and stopAll() close pages at once', async () => {
    const limited = await godot4.start('mp_client', { url: `ws://127.0.0.1:${urls.deadPort}/` }, 1);
    expect(await limited.exited).toBe('timeout');
    expect(limited.transcript()).toMatch(/closing the page: its 1 ms are up/);

    // stay=1: these never quit by themselves, so only stop() can end them.
    const [a, b] = await Promise.all([godot4.start('hello', { stay: 1 }), godot4.start('hello', { stay: 1 })]);
    await a.stop();
    expect(await a.exited).toBe('stopped');
    await godot4.stopAll();
    expect(await b.exited).toBe('stopped');
  });

  it('refuses engine files whose sha256 is not the pinned build, naming the file and both hashes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wspeer-g4-'));
    try {
      await writeFile(join(dir, 'index.js'), 'not the engine');
      await writeFile(join(dir, 'index.wasm'), 'not the engine');
      await expect(readGodot4Engine(dir)).rejects.toThrow(
        /index\.js has sha256 [0-9a-f]{64}, expected f62312da58cb0eb7a52abf530512b5949b775fb2249342ad01ead7d00afc6f04/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

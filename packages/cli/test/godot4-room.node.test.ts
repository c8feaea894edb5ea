/**
 * `wspeer serve godot4` and `wspeer connect --godot4`, run as users run them, with a live Godot 4.6
 * client (the test kit's `greeter` probe) and a wspeer SceneMultiplayer server.
 */
import { fileURLToPath } from 'node:url';
import { type Godot4Browser, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { type LineProcess, startLineProcess } from '@wspeer/test-kit/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer, sceneAuth } from 'wspeer/scene';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const NAMES = fileURLToPath(new URL('fixtures/names.json', import.meta.url));
let godot4: Godot4Browser;
const cleanup: Array<() => unknown> = [];
beforeAll(async () => {
  godot4 = await startGodot4Browser();
});
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  await godot4.stopAll();
});
afterAll(() => godot4?.close());

function cli(...args: string[]): LineProcess {
  const child = startLineProcess(process.execPath, [MAIN, ...args], { timeoutMs: 40_000 });
  cleanup.push(() => child.stop());
  return child;
}

describe('wspeer CLI with Godot 4 rooms', { timeout: 60_000 }, () => {
  it('serve godot4 admits a live Godot 4.6 client and prints its RPC by name (--names)', async () => {
    const server = cli('serve', 'godot4', '--port', '0', '--names', NAMES);
    const line = await server.waitFor(/listening on ws:\/\/127\.0\.0\.1:\d+\//);
    const url = (line.match(/ws:\/\/127\.0\.0\.1:\d+\//) as RegExpMatchArray)[0];
    expect(line).toMatch(/Godot 4 room/);
    const client = await godot4.start('greeter', { url, name: 'Ada', lifetime: 5 });
    const { id } = await client.waitFor('connected_to_server', 30_000);
    await server.waitFor(new RegExp(`^peer ${id} joined$`));
    await server.waitFor(/path #1 = Main \(methods: hello, welcome\)/);
    await server.waitFor(new RegExp(`^\\[peer ${id}\\] rpc Main\\.hello\\("Ada"\\)$`));
  });

  it('connect --godot4 joins a wspeer room, prints calls by name, relays with their source, peers and auth', async () => {
    const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
    expect(peer.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
    cleanup.push(() => peer.close());
    const port = await peer.listening(5000);
    const scene = new SceneMultiplayer(peer, {
      autoPoll: true,
      auth: sceneAuth,
      authCallback: (id, data) => {
        if (new TextDecoder().decode(data) === 'letmein') scene.completeAuth(id);
      },
    });
    const main = scene.node('Main', {
      methods: { hello: { mode: 'any_peer', handler: (_n: string) => {} }, welcome: { handler: (_t: string) => {} } },
    });
    const watcher = cli('connect', '--godot4', `ws://127.0.0.1:${port}/`, '--names', NAMES, '--auth', 'letmein');
    await watcher.waitFor(/^joined ws:.* as peer \d+$/);
    await watcher.waitFor(/^\[peer 1\] auth: completed$/);
    await expect.poll(() => scene.getPeers().length).toBe(1);
    expect(main.rpc('welcome', 'hi all')).toBe(ErrorCode.OK);
    await watcher.waitFor(/^\[peer 1\] path #1 = Main \(methods: hello, welcome\)$/);
    await watcher.waitFor(/^\[peer 1\] rpc Main\.welcome\("hi all"\)$/);
    // A second (wspeer) client calls the watcher through the server's relay.
    const other = new WebSocketMultiplayerPeer({ wire: 'godot4' });
    other.createClient(`ws://127.0.0.1:${port}/`);
    cleanup.push(() => other.close());
    const otherScene = new SceneMultiplayer(other, {
      autoPoll: true,
      auth: sceneAuth,
      authCallback: () => {},
    });
    otherScene.on('peer_authenticating', (id) => {
      otherScene.sendAuth(id, new TextEncoder().encode('letmein'));
      otherScene.completeAuth(id);
    });
    const otherMain = otherScene.node('Main', {
      methods: { hello: { mode: 'any_peer', handler: (_n: string) => {} }, welcome: { handler: (_t: string) => {} } },
    });
    const joined = await watcher.waitFor(/^\[peer 1\] announces peer \d+ joined$/);
    const otherId = Number(/peer (\d+) joined/.exec(joined)?.[1]);
    await expect.poll(() => otherScene.getPeers().length).toBe(2);
    const watcherId = otherScene.getPeers().find((p) => p !== 1) as number;
    expect(otherMain.rpcId(watcherId, 'hello', 'psst')).toBe(ErrorCode.OK);
    await watcher.waitFor(new RegExp(`^\\[peer 1\\] \\(relayed from peer ${otherId}\\) rpc Main\\.hello\\("psst"\\)$`));
    watcher.endInput();
    expect(await watcher.exited).toBe(0);
  });
});

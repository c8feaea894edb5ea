/**
 * SceneMultiplayer against live Godot 4.6 clients (the official web build in headless Chromium,
 * running the test kit's `scene_client` probe: an unmodified-style game client using only
 * `WebSocketMultiplayerPeer.create_client`, `multiplayer.multiplayer_peer`, `@rpc` functions,
 * `rpc_id`, `send_bytes` and an `auth_callback`) with our Node server written with the public API.
 */
import { pollUntil } from '@wspeer/test-kit';
import { type Godot4Browser, type Godot4Client, startBrowserPage, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer, type SceneMultiplayerOptions, sceneAuth } from 'wspeer/scene';
import { godot4Codec } from 'wspeer/variant';
import { VARIANT4_CASES } from '../../variant/test/variant4-values.js';
import { SCENE_BROWSER_CLIENT } from './scene-browser-client.js';
import { type Call, probeMain } from './scene-fixture.js';

const BOOT_MS = 30_000;
const TEST_MS = 90_000;

let godot4: Godot4Browser;
beforeAll(async () => {
  godot4 = await startGodot4Browser();
});
afterAll(() => godot4?.close());

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  await godot4.stopAll();
});

/** Our server: godot4 wire on 127.0.0.1, SceneMultiplayer auto-polled, the probe's Main node. */
async function ourServer(options: SceneMultiplayerOptions = {}) {
  const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
  expect(peer.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
  cleanup.push(() => peer.close());
  const port = await peer.listening(5000);
  const scene = new SceneMultiplayer(peer, { autoPoll: true, ...options });
  const calls: Call[] = [];
  const refused: string[] = [];
  scene.on('rpc_refused', (_from, reason) => refused.push(reason));
  const main = probeMain(scene, calls);
  return { peer, scene, main, calls, refused, url: `ws://127.0.0.1:${port}/` };
}

async function joined(client: Godot4Client): Promise<number> {
  return Number((await client.waitFor('connected_to_server', BOOT_MS)).id);
}

/** Tells a probe to do something (its `command` RPC). */
function command(server: Awaited<ReturnType<typeof ourServer>>, id: number, text: string): void {
  expect(server.main.rpcId(id, 'command', text)).toBe(ErrorCode.OK);
}

describe('SceneMultiplayer with live Godot 4.6 clients', { timeout: TEST_MS }, () => {
  it('two Godot clients see each other and call each other through our relay with the true sender', async () => {
    const server = await ourServer();
    const [a, b] = await Promise.all([
      godot4.start('scene_client', { url: server.url }),
      godot4.start('scene_client', { url: server.url }),
    ]);
    const [idA, idB] = await Promise.all([joined(a), joined(b)]);
    await a.waitFor((e) => e.event === 'peer_connected' && e.id === idB);
    await b.waitFor((e) => e.event === 'peer_connected' && e.id === idA);
    expect(server.scene.getPeers().sort()).toEqual([idA, idB].sort());

    command(server, idA, `call ${idB} hello from-a`);
    const hello = await b.waitFor('hello');
    expect(hello).toMatchObject({ from: idA, text: 'from-a' });

    command(server, idB, `call ${idA} ping x`);
    expect(await a.waitFor('ping')).toMatchObject({ from: idB, text: 'x' });
    expect(await b.waitFor('pong')).toMatchObject({ from: idA, text: 'x' });

    command(server, idA, 'call 1 hello hi-server');
    await pollUntil([], () => server.calls.some((c) => c.method === 'hello'), 'hello on the server');
    expect(server.calls.find((c) => c.method === 'hello')).toEqual({ method: 'hello', from: idA, args: ['hi-server'] });

    // call_local, to everyone: runs on a itself, on b and on the server, always with a as sender.
    command(server, idA, 'call 0 shout all');
    expect(await a.waitFor('shout')).toMatchObject({ from: idA, text: 'all' });
    expect(await b.waitFor('shout')).toMatchObject({ from: idA, text: 'all' });
    await pollUntil([], () => server.calls.some((c) => c.method === 'shout'), 'shout on the server');
    expect(server.calls.find((c) => c.method === 'shout')?.from).toBe(idA);
    expect(server.refused).toEqual([]);

    // b leaves: a hears it from our server (DEL_PEER).
    command(server, idB, 'leave');
    expect(await a.waitFor('peer_disconnected')).toMatchObject({ id: idB });
  });

  it('authentication: a good token is admitted, a wrong one fails with peer_authentication_failed', async () => {
    const server = await ourServer({
      auth: sceneAuth,
      authCallback: (id, data) => {
        if (new TextDecoder().decode(data) !== 'secret') {
          server.scene.disconnectPeer(id);
          return;
        }
        server.scene.sendAuth(id, new TextEncoder().encode('welcome'));
        server.scene.completeAuth(id);
      },
    });
    const authenticating: number[] = [];
    server.scene.on('peer_authenticating', (id) => authenticating.push(id));
    const [good, bad] = await Promise.all([
      godot4.start('scene_client', { url: server.url, auth: 'secret' }),
      godot4.start('scene_client', { url: server.url, auth: 'wrong' }),
    ]);
    const idGood = await joined(good);
    expect(good.all('auth_data')).toEqual([{ event: 'auth_data', from: 1, text: 'welcome' }]);
    expect(await bad.waitFor('peer_authentication_failed', BOOT_MS)).toMatchObject({ id: 1 });
    expect(bad.all('connected_to_server')).toEqual([]);
    expect(authenticating).toHaveLength(2);
    expect(server.scene.getPeers()).toEqual([idGood]);
  });

  it('one argument of every Variant type, both ways, compared strictly on both sides', async () => {
    const server = await ourServer({ codec: godot4Codec });
    const client = await godot4.start('scene_client', { url: server.url, lifetime: 60 });
    const id = await joined(client);
    const cases = VARIANT4_CASES.filter((c) => c.gd !== null);
    expect(cases.length).toBeGreaterThan(40);
    for (const c of cases) {
      server.main.rpcId(id, 'check_value', c.name, c.gd as string, c.value);
      server.main.rpcId(id, 'send_value', c.name, c.gd as string);
    }
    await pollUntil([], () => client.all('check').length === cases.length, 'every check', 40_000);
    const failed = client.all('check').filter((e) => e.ok !== true);
    // Godot itself decodes a container typed by a class name with object decoding off (SceneMultiplayer's
    // default) as typed by EncodedObjectAsID: the bytes arrived right, the engine swaps the element type.
    expect(failed).toEqual([
      {
        event: 'check',
        name: 'ARRAY[Node] (class name kind)',
        ok: false,
        got: 'Array[EncodedObjectAsID]([])',
        want: 'Array[Node]([])',
      },
    ]);
    await pollUntil(
      [],
      () => server.calls.filter((c) => c.method === 'value_back').length === cases.length,
      'every value back',
      40_000,
    );
    for (const c of cases) {
      const back = server.calls.find((call) => call.method === 'value_back' && call.args[0] === c.name);
      expect({ name: c.name, value: back?.args[1] }).toStrictEqual({ name: c.name, value: c.decoded ?? c.value });
    }
    expect(server.refused).toEqual([]);
  });

  it('send_bytes and a one-PackedByteArray RPC (the raw form), both ways', async () => {
    const server = await ourServer();
    const packets: string[] = [];
    server.scene.on('peer_packet', (from, data) => packets.push(`${from}:${Buffer.from(data).toString('hex')}`));
    const client = await godot4.start('scene_client', { url: server.url });
    const id = await joined(client);
    expect(server.scene.sendBytes(new Uint8Array([0xc0, 0xff, 0xee]), id)).toBe(ErrorCode.OK);
    expect(await client.waitFor('peer_packet')).toMatchObject({ from: 1, hex: 'c0ffee' });
    expect(server.main.rpcId(id, 'blob', new Uint8Array([1, 2, 3]))).toBe(ErrorCode.OK);
    expect(await client.waitFor('blob')).toMatchObject({ from: 1, hex: '010203' });
    command(server, id, 'bytes 1 0a0b');
    command(server, id, 'blob 1 ff00');
    await pollUntil([], () => packets.length === 1 && server.calls.some((c) => c.method === 'blob'), 'bytes back');
    expect(packets).toEqual([`${id}:0a0b`]);
    expect(server.calls.find((c) => c.method === 'blob')?.args).toStrictEqual([new Uint8Array([0xff, 0x00])]);
  });

  it("an authority-only RPC from a non-authority is refused on our side and on Godot's", async () => {
    const server = await ourServer();
    const [a, b] = await Promise.all([
      godot4.start('scene_client', { url: server.url }),
      godot4.start('scene_client', { url: server.url }),
    ]);
    const [idA, idB] = await Promise.all([joined(a), joined(b)]);
    await b.waitFor((e) => e.event === 'peer_connected' && e.id === idA);
    command(server, idA, 'call 1 only_server cheat');
    await pollUntil([], () => server.refused.length === 1, 'our refusal');
    expect(server.refused[0]).toBe(
      `RPC 'only_server' is not allowed on node Main from: ${idA}. Mode is authority, authority is 1.`,
    );
    expect(server.calls.some((c) => c.method === 'only_server')).toBe(false);
    // Through our relay to b, whose node's authority is the server: Godot refuses it itself.
    command(server, idA, `call ${idB} only_server cheat`);
    await pollUntil(
      [],
      () => b.output.some((line) => line.includes("RPC 'only_server' is not allowed")),
      "Godot's refusal",
    );
    expect(b.output.find((line) => line.includes("RPC 'only_server' is not allowed"))).toContain(`from: ${idA}`);
    expect(b.all('only_server')).toEqual([]);
    // The server itself is the authority: allowed.
    expect(server.main.rpcId(idB, 'only_server', 'legit')).toBe(ErrorCode.OK);
    expect(await b.waitFor('only_server')).toMatchObject({ from: 1, text: 'legit' });
  });

  it('a Godot 4 client, a Node wspeer client and a Chromium wspeer client in one room call each other', async () => {
    const server = await ourServer();
    const page = await startBrowserPage(SCENE_BROWSER_CLIENT);
    cleanup.push(() => page.close());
    const nodePeer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
    expect(nodePeer.createClient(server.url)).toBe(ErrorCode.OK);
    cleanup.push(() => nodePeer.close());
    const nodeScene = new SceneMultiplayer(nodePeer, { autoPoll: true });
    const nodeCalls: Call[] = [];
    const nodeMain = probeMain(nodeScene, nodeCalls);
    const [godot, browser] = await Promise.all([
      godot4.start('scene_client', { url: server.url }),
      godot4.open(`${page.url}?url=${encodeURIComponent(server.url)}`, 'wspeer in Chromium'),
    ]);
    const [idG, idB] = await Promise.all([joined(godot), joined(browser)]);
    await pollUntil([], () => nodeScene.getPeers().length === 3, 'the Node client sees everyone');
    const idN = nodeScene.getUniqueId();
    expect(nodeScene.getPeers().sort()).toEqual([1, idG, idB].sort());
    await godot.waitFor((e) => e.event === 'peer_connected' && e.id === idN);
    await browser.waitFor((e) => e.event === 'peer_connected' && e.id === idG);

    command(server, idG, `call ${idB} hello godot-to-browser`);
    expect(await browser.waitFor('hello')).toMatchObject({ from: idG, text: 'godot-to-browser' });
    command(server, idB, `call ${idG} ping browser-to-godot`);
    expect(await godot.waitFor('ping')).toMatchObject({ from: idB, text: 'browser-to-godot' });
    expect(await browser.waitFor('pong')).toMatchObject({ from: idG, text: 'browser-to-godot' });
    expect(nodeMain.rpcId(idG, 'hello', 'node-to-godot')).toBe(ErrorCode.OK);
    expect(await godot.waitFor((e) => e.event === 'hello' && e.text === 'node-to-godot')).toMatchObject({ from: idN });
    command(server, idG, `call ${idN} hello godot-to-node`);
    await pollUntil([], () => nodeCalls.some((c) => c.method === 'hello'), 'hello on the Node client');
    expect(nodeCalls.find((c) => c.method === 'hello')).toEqual({
      method: 'hello',
      from: idG,
      args: ['godot-to-node'],
    });
    expect(nodeMain.rpc('shout', 'node-to-all')).toBe(ErrorCode.OK);
    expect(await godot.waitFor('shout')).toMatchObject({ from: idN, text: 'node-to-all' });
    expect(await browser.waitFor('shout')).toMatchObject({ from: idN, text: 'node-to-all' });
    await pollUntil([], () => server.calls.some((c) => c.method === 'shout'), 'shout on the server');
    expect(server.calls.find((c) => c.method === 'shout')?.from).toBe(idN);
    expect(nodeCalls.find((c) => c.method === 'shout')?.from).toBe(idN);
    expect(browser.all('refused')).toEqual([]);
    expect(server.refused).toEqual([]);
  });
});

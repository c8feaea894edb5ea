/**
 * Real engines in one room across three Node processes over Redis: a Godot 3.2.3 client
 * (`godot3-server` running the test kit's `rpc_client.gd`) on node A and our MultiplayerAPI client on
 * node C call each other's functions (Godot 3.2's path cache included); a live Godot 4.6 client (the
 * web build in headless Chromium, the test kit's `scene_client` probe) on node A and our
 * SceneMultiplayer client on node B call each other's `@rpc` functions through two servers' relays.
 */
import { pollUntil } from '@wspeer/test-kit';
import { type Godot4Browser, type Godot4Client, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { type GodotProcess, startGodot, startRedis, type TestRedis } from '@wspeer/test-kit/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';
import { SceneMultiplayer } from 'wspeer/scene';
import { type Call, probeNode, relayPingPong, tap } from '../../rpc/test/rpc-probe.js';
import { probeMain, type Call as SceneCall } from '../../scene/test/scene-fixture.js';
import { type ClusterNode, startClusterNode } from './cluster-node.js';

const BOOT_MS = 30_000;
let redis: TestRedis;
let nodes: ClusterNode[];
let godot4: Godot4Browser;
const cleanup: Array<() => unknown> = [];

beforeAll(async () => {
  redis = await startRedis();
  nodes = await Promise.all([0, 1, 2].map(() => startClusterNode(redis.url, 3000)));
  godot4 = await startGodot4Browser();
}, 90_000);

afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  await godot4?.stopAll();
});

afterAll(async () => {
  await godot4?.close();
  await Promise.all((nodes ?? []).map((n) => n.process.stop()));
  await redis?.stop();
});

const waitUntil = (done: () => boolean, what: string) => pollUntil([], done, what, 10_000);

describe('real Godot clients in a room across Node processes', { timeout: 90_000 }, () => {
  it('a Godot 3.2.3 client on node A and our client on node C call each other (path cache, true sender)', async () => {
    const godot: GodotProcess = startGodot(
      'rpc_client.gd',
      { url: `ws://127.0.0.1:${nodes[0]?.g3}/`, lifetime: 30 },
      45_000,
    );
    cleanup.push(() => godot.stop());
    const idG = Number((await godot.waitFor('connected', 15_000)).id);

    const peer = new WebSocketMultiplayerPeer();
    const wire = tap(peer);
    const api = new MultiplayerAPI(peer);
    const calls: Call[] = [];
    const refused: unknown[] = [];
    api.on('rpc_refused', (from, reason) => refused.push({ from, reason }));
    const probe = probeNode(api, 'Probe', calls);
    const loop = setInterval(() => api.poll(), 1);
    cleanup.push(() => {
      clearInterval(loop);
      peer.close();
    });
    expect(peer.createClient(`ws://127.0.0.1:${nodes[2]?.g3}/`)).toBe(ErrorCode.OK);
    const id = await connected(peer, 5000);
    await waitUntil(() => api.getNetworkConnectedPeers().includes(idG), 'our client to see the Godot client');
    const called = (fn: string) => calls.filter((c) => c.fn === fn);

    await relayPingPong({ probe, wire, refused, called }, idG, waitUntil);
    expect(godot.all('relay_ping').map((e) => `${e.sender}:${e.text}`)).toEqual([`${id}:one`, `${id}:two ✓`]);
    // Godot heard of our client from its own server (SYS_ADD from node A, about a peer of node C).
    expect(godot.all('peer_connected').map((e) => e.id)).toContain(id);
  });

  it('a live Godot 4.6 client on node A and our SceneMultiplayer client on node B call each other', async () => {
    const client: Godot4Client = await godot4.start('scene_client', { url: `ws://127.0.0.1:${nodes[0]?.g4}/` });
    const idG = Number((await client.waitFor('connected_to_server', BOOT_MS)).id);

    const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
    const scene = new SceneMultiplayer(peer, { autoPoll: true });
    const calls: SceneCall[] = [];
    const refused: string[] = [];
    scene.on('rpc_refused', (_from, reason) => refused.push(reason));
    const main = probeMain(scene, calls);
    cleanup.push(() => peer.close());
    expect(peer.createClient(`ws://127.0.0.1:${nodes[1]?.g4}/`)).toBe(ErrorCode.OK);
    const id = await connected(peer, 5000);
    await waitUntil(() => scene.getPeers().includes(idG), 'our client to see the Godot client');
    await client.waitFor((e) => e.event === 'peer_connected' && e.id === id, BOOT_MS);

    // Ours -> Godot: hello runs there with our id as the sender.
    expect(main.rpcId(idG, 'hello', 'from-node-b')).toBe(ErrorCode.OK);
    expect(await client.waitFor('hello')).toMatchObject({ from: id, text: 'from-node-b' });
    // Ours -> Godot: ping, Godot answers pong to us.
    expect(main.rpcId(idG, 'ping', 'x')).toBe(ErrorCode.OK);
    await waitUntil(() => calls.some((c) => c.method === 'pong'), 'the pong from Godot');
    // Godot -> ours, on command.
    expect(main.rpcId(idG, 'command', `call ${id} hello from-godot`)).toBe(ErrorCode.OK);
    await waitUntil(() => calls.some((c) => c.method === 'hello'), 'the hello from Godot');
    expect(calls.filter((c) => c.method !== 'command')).toEqual([
      { method: 'pong', from: idG, args: ['x'] },
      { method: 'hello', from: idG, args: ['from-godot'] },
    ]);
    expect(refused).toEqual([]);

    // Godot leaves node A: node B announces it gone to us (DEL_PEER from our own server).
    expect(main.rpcId(idG, 'command', 'leave')).toBe(ErrorCode.OK);
    await waitUntil(() => !scene.getPeers().includes(idG), 'the Godot client to be gone');
  });
});

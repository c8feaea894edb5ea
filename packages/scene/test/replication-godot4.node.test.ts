/**
 * Replication against live Godot 4.6 clients (the official web build in headless Chromium, running
 * the test kit's `replication` probe: a game client with Godot's stock MultiplayerSpawner and
 * MultiplayerSynchronizer nodes only) and our Node server written with the public API, authoritative
 * at 30 Hz. What Godot shows is what its own scene tree holds (its `spawned` / `despawned` signals
 * and the replicated properties read back every frame).
 */
import { pollUntil } from '@wspeer/test-kit';
import { type Godot4Browser, type Godot4Client, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer, SceneReplicationInterface } from 'wspeer/scene';
import { Vector2 } from 'wspeer/variant';
import { declareProbeScene, type Player, PROBE_CODEC } from './replication-fixture.js';
import {
  GODOT_ITEM_DELTA_PEARL,
  GODOT_ITEM_DELTA_SPAWN,
  GODOT_ITEM_DESPAWN,
  GODOT_ITEM_SIMPLIFY_PATH,
  GODOT_ITEM_SPAWN,
  GODOT_ITEM_SYNC,
} from './replication-golden-bytes.js';

const BOOT_MS = 30_000;
const TEST_MS = 90_000;
const TICK_MS = 1000 / 30;

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

/** Every packet a peer received, as hex, by sender (tapped where SceneMultiplayer reads them). */
function tap(peer: WebSocketMultiplayerPeer): Map<number, string[]> {
  const received = new Map<number, string[]>();
  const getPacket = peer.getPacket.bind(peer);
  peer.getPacket = () => {
    const from = peer.getPacketPeer();
    const packet = getPacket();
    const list = received.get(from) ?? [];
    list.push(Buffer.from(packet).toString('hex'));
    received.set(from, list);
    return packet;
  };
  return received;
}

/** Our authoritative server: godot4 wire on 127.0.0.1, SceneMultiplayer auto-polled, replication at 30 Hz. */
async function ourServer() {
  const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
  expect(peer.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
  cleanup.push(() => peer.close());
  const port = await peer.listening(5000);
  const received = tap(peer);
  const scene = new SceneMultiplayer(peer, { autoPoll: true, codec: PROBE_CODEC });
  const refused: string[] = [];
  scene.on('rpc_refused', (_from, reason) => refused.push(reason));
  const replication = new SceneReplicationInterface(scene);
  const declared = declareProbeScene(replication);
  const main = scene.node('Main', {
    methods: { command: { mode: 'any_peer', args: ['String'], handler: (_text: string) => {} } },
  });
  const timer = setInterval(() => replication.process(), TICK_MS);
  cleanup.push(() => clearInterval(timer));
  const command = (id: number, text: string) => expect(main.rpcId(id, 'command', text)).toBe(ErrorCode.OK);
  return { peer, scene, replication, ...declared, command, refused, received, url: `ws://127.0.0.1:${port}/` };
}

/** A Node wspeer client in the same room, with the probe's scene declared and its own 30 Hz tick. */
function nodeClient(url: string) {
  const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
  expect(peer.createClient(url)).toBe(ErrorCode.OK);
  cleanup.push(() => peer.close());
  const scene = new SceneMultiplayer(peer, { autoPoll: true, codec: PROBE_CODEC });
  const refused: string[] = [];
  scene.on('rpc_refused', (_from, reason) => refused.push(reason));
  const replication = new SceneReplicationInterface(scene);
  const declared = declareProbeScene(replication);
  scene.node('Main', { methods: { command: { mode: 'any_peer', args: ['String'], handler: (_text: string) => {} } } });
  const timer = setInterval(() => replication.process(), TICK_MS);
  cleanup.push(() => clearInterval(timer));
  return { scene, replication, ...declared, refused };
}

async function joined(client: Godot4Client): Promise<number> {
  return Number((await client.waitFor('connected_to_server', BOOT_MS)).id);
}

const at = (name: string, x: number, y: number) => (e: Record<string, unknown>) =>
  (e.event === 'state' || e.event === 'spawned') && e.name === name && e.x === x && e.y === y;

describe('replication with live Godot 4.6 clients', { timeout: TEST_MS }, () => {
  it('our spawns arrive with their names and spawn state, sync over time, the counter syncs, despawn removes', async () => {
    const server = await ourServer();
    const client = await godot4.start('replication', { url: server.url });
    await joined(client);
    const bot = server.spawner.spawn(0, 'Bot', {
      values: { position: new Vector2(100, 200), hp: 77, label: 'from-node' },
    }) as Player;
    expect(await client.waitFor('spawned')).toEqual({
      event: 'spawned',
      spawner: 'players',
      name: 'Bot',
      x: 100,
      y: 200,
      hp: 77,
      label: 'from-node',
      authority: 1,
    });
    // Position (ALWAYS) over several ticks, then hp and label (ON_CHANGE deltas).
    for (let x = 101; x <= 105; x++) {
      bot.set('position', new Vector2(x, 200 + x));
      await client.waitFor(at('Bot', x, 200 + x), 5000);
    }
    bot.set('hp', 70);
    bot.set('label', 'hurt');
    await client.waitFor((e) => e.event === 'state' && e.name === 'Bot' && e.hp === 70 && e.label === 'hurt');
    server.counter.node.set('value', 42);
    expect(await client.waitFor('counter')).toMatchObject({ value: 42 });
    expect(server.spawner.despawn(bot)).toBe(true);
    expect(await client.waitFor('despawned')).toMatchObject({ name: 'Bot' });
    expect(client.all('spawned')).toHaveLength(1);
    expect(server.refused).toEqual([]);
  });

  it('a late joiner gets every live node with its current state', async () => {
    const server = await ourServer();
    const one = server.spawner.spawn(0, 'One', { values: { position: new Vector2(1, 2), label: 'one' } }) as Player;
    server.spawner.spawn(0, 'Two', { values: { hp: 5 } });
    one.set('label', 'changed before anyone came');
    const client = await godot4.start('replication', { url: server.url });
    await joined(client);
    await pollUntil([], () => client.all('spawned').length === 2, 'both spawned', 10_000);
    const spawned = client.all('spawned').map(({ name, x, y, hp, label }) => ({ name, x, y, hp, label }));
    expect(spawned.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      { name: 'One', x: 1, y: 2, hp: 100, label: 'changed before anyone came' },
      { name: 'Two', x: 0, y: 0, hp: 5, label: '' },
    ]);
    one.set('position', new Vector2(3, 4));
    await client.waitFor(at('One', 3, 4), 5000);
  });

  it('two Godot clients each own a player and see each other move through our server; a Node client sees both', async () => {
    const server = await ourServer();
    const [a, b] = await Promise.all([
      godot4.start('replication', { url: server.url }),
      godot4.start('replication', { url: server.url }),
    ]);
    const [idA, idB] = await Promise.all([joined(a), joined(b)]);
    const watcher = nodeClient(server.url);
    await pollUntil([], () => watcher.scene.getPeers().length === 3, 'the Node client sees everyone', 10_000);
    const pa = server.spawner.spawn(0, `P${idA}`) as Player;
    const pb = server.spawner.spawn(0, `P${idB}`) as Player;
    for (const client of [a, b]) {
      await pollUntil([], () => client.all('spawned').length === 2, 'both players spawned', 10_000);
      expect(Object.fromEntries(client.all('spawned').map((e) => [e.name, e.authority]))).toEqual({
        [`P${idA}`]: idA,
        [`P${idB}`]: idB,
      });
    }
    server.command(idA, 'move 10 20');
    server.command(idB, 'move 30 40');
    await b.waitFor(at(`P${idA}`, 10, 20), 10_000);
    await a.waitFor(at(`P${idB}`, 30, 40), 10_000);
    server.command(idA, 'move 11 21');
    server.command(idA, 'hp 50');
    await b.waitFor((e) => e.event === 'state' && e.name === `P${idA}` && e.x === 11 && e.hp === 50, 10_000);
    // The server checked that each SYNC came from the player's authority, and holds the state.
    await pollUntil([], () => pa.get('position').x === 11 && pb.get('position').x === 30, 'server state');
    expect(pa.get('hp')).toBe(50);
    // The Node wspeer client got the spawns from the server and the moves through the relay.
    const seen = () => Object.fromEntries(watcher.spawner.getNodes().map((n) => [n.name, n.get('position')]));
    await pollUntil([], () => seen()[`P${idA}`]?.x === 11 && seen()[`P${idB}`]?.y === 40, 'the Node client sees both');
    expect(seen()).toEqual({ [`P${idA}`]: new Vector2(11, 21), [`P${idB}`]: new Vector2(30, 40) });
    expect(server.refused).toEqual([]);
    expect(watcher.refused).toEqual([]);
  });

  it('visibility: a player hidden from one client never reaches it, and appears when shown', async () => {
    const server = await ourServer();
    const [a, b] = await Promise.all([
      godot4.start('replication', { url: server.url }),
      godot4.start('replication', { url: server.url }),
    ]);
    const [idA, idB] = await Promise.all([joined(a), joined(b)]);
    const open = server.spawner.spawn(0, 'Open') as Player;
    const secret = server.spawner.spawn(0, 'Secret', {
      values: { label: 'hidden' },
      ready: (node) => {
        // Before anything is sent, as a Godot scene would in _ready.
        node.synchronizers[0]?.setVisibilityFor(0, false);
        node.synchronizers[0]?.setVisibilityFor(idA, true);
      },
    }) as Player;
    await pollUntil([], () => a.all('spawned').length === 2 && b.all('spawned').length === 1, 'spawned', 10_000);
    open.set('position', new Vector2(5, 5));
    secret.set('position', new Vector2(6, 6));
    await a.waitFor(at('Secret', 6, 6), 5000);
    await b.waitFor(at('Open', 5, 5), 5000);
    server.command(idB, 'list');
    expect(await b.waitFor('list')).toMatchObject({ players: ['Open'] });
    expect(b.all('spawned').map((e) => e.name)).toEqual(['Open']);
    secret.synchronizers[0]?.setVisibilityFor(idB, true);
    expect(await b.waitFor((e) => e.event === 'spawned' && e.name === 'Secret')).toMatchObject({
      x: 6,
      y: 6,
      label: 'hidden',
    });
    secret.synchronizers[0]?.setVisibilityFor(idB, false);
    expect(await b.waitFor('despawned')).toMatchObject({ name: 'Secret' });
    expect(server.refused).toEqual([]);
  });

  it('Godot as the spawner authority: its SPAWN, SYNC, delta and DESPAWN arrive as Godot 4.6 sends them', async () => {
    const server = await ourServer();
    const client = await godot4.start('replication', { url: server.url });
    const id = await joined(client);
    server.items.setMultiplayerAuthority(id);
    server.command(id, 'own_items');
    server.command(id, 'spawn_item Gem 1.5 -2 ruby');
    await pollUntil([], () => server.items.nodeCount === 1, 'the item on our side', 10_000);
    const gem = server.items.getNodes()[0];
    expect(gem?.path).toBe('Main/Items/Gem');
    expect(gem?.remotePeer).toBe(id);
    expect(gem?.values()).toEqual({ position: new Vector2(1.5, -2), kind: 'ruby' });
    server.command(id, 'move_item Gem 3 4');
    server.command(id, 'kind_item Gem pearl');
    await pollUntil([], () => gem?.get('kind') === 'pearl' && gem?.get('position').x === 3, 'item updates');
    const gone: string[] = [];
    server.items.on('despawned', (node) => gone.push(node.name));
    server.command(id, 'despawn_item Gem');
    await pollUntil([], () => gone.length === 1, 'item despawned');
    const bytes = server.received.get(id) ?? [];
    // What Godot 4.6 sent, in order (SYNCs repeat every frame: the first of each kind is kept).
    const first = (prefix: string) => bytes.find((hex) => hex.startsWith(prefix));
    expect(first('01')).toBe(GODOT_ITEM_SIMPLIFY_PATH);
    expect(first('04')).toBe(GODOT_ITEM_SPAWN);
    expect(first('16')).toBe(GODOT_ITEM_DELTA_SPAWN);
    expect(bytes.filter((hex) => hex.startsWith('16'))).toContain(GODOT_ITEM_DELTA_PEARL);
    // The SYNC time is the sender's frame counter for us: compare what follows it.
    expect(first('06')?.slice(6)).toBe(GODOT_ITEM_SYNC.slice(6));
    expect(bytes.indexOf(first('01') as string)).toBeLessThan(bytes.indexOf(first('04') as string));
    expect(bytes.filter((hex) => hex.startsWith('05'))).toEqual([GODOT_ITEM_DESPAWN]);
    expect(server.refused).toEqual([]);
  });
});

import { ErrorCode } from '@wspeer/core';
import { Vector2 } from '@wspeer/variant';
import { describe, expect, it } from 'vitest';
import { type Player, replicationSession, type Side } from './replication-fixture.js';

const connected = (sides: Side[], n: number) => () => sides.every((s) => s.scene.getPeers().length === n);

describe('SceneReplicationInterface (loopback, godot4 wire)', () => {
  it('spawns on every peer with the spawn state, streams SYNC and deltas, despawns', async () => {
    const { server, clients, tick } = await replicationSession(2);
    const [a, b] = clients as [Side, Side];
    await tick(connected([a, b], 2), 'connected');
    const seen: Player[] = [];
    const gone: string[] = [];
    a.spawner.on('spawned', (node) => seen.push(node));
    a.spawner.on('despawned', (node) => gone.push(node.name));
    const bot = server.spawner.spawn(0, 'Bot', {
      values: { position: new Vector2(100, 200), hp: 77, label: 'from-node' },
    });
    expect(bot?.path).toBe('Main/Players/Bot');
    await tick(() => seen.length === 1 && b.spawner.nodeCount === 1, 'spawned on both');
    const mine = seen[0] as Player;
    expect(mine.path).toBe('Main/Players/Bot');
    expect(mine.remotePeer).toBe(1);
    expect(mine.values()).toEqual({ position: new Vector2(100, 200), hp: 77, label: 'from-node' });

    let synced = 0;
    let deltas = 0;
    mine.synchronizers[0]?.on('synchronized', () => synced++);
    mine.synchronizers[0]?.on('delta_synchronized', () => deltas++);
    bot?.set('position', new Vector2(102.5, 204));
    await tick(() => mine.get('position').x === 102.5, 'position synced');
    expect(mine.get('position')).toEqual(new Vector2(102.5, 204));
    expect(synced).toBeGreaterThan(0);
    expect(deltas).toBe(0);
    bot?.set('hp', 70);
    await tick(() => mine.get('hp') === 70, 'hp delta');
    expect(deltas).toBe(1);
    expect(mine.get('label')).toBe('from-node');

    expect(server.spawner.despawn(bot as Player)).toBe(true);
    await tick(() => gone.length === 1 && b.spawner.nodeCount === 0, 'despawned');
    expect(gone).toEqual(['Bot']);
    expect(a.replication.getNodes().filter((n) => n.spawner !== null)).toEqual([]);
    expect([...server.refused, ...a.refused, ...b.refused]).toEqual([]);
  });

  it('a late joiner gets every live node with its current state, then SYNCs on its own clock', async () => {
    const { server, clients, join, tick } = await replicationSession(1);
    await tick(connected(clients, 1), 'connected');
    const one = server.spawner.spawn('res://player.tscn', 'One', { values: { label: 'first' } });
    server.spawner.spawn(0, 'Two', { values: { hp: 5 } });
    one?.set('position', new Vector2(7, 8));
    await tick(() => clients[0]?.spawner.nodeCount === 2, 'first client');
    one?.set('label', 'changed');
    one?.set('position', new Vector2(9, 10));
    const late = join();
    await tick(() => late.spawner.nodeCount === 2, 'late joiner');
    const got = Object.fromEntries(late.spawner.getNodes().map((n) => [n.name, n.values()]));
    expect(got).toEqual({
      One: { position: new Vector2(9, 10), hp: 100, label: 'changed' },
      Two: { position: new Vector2(0, 0), hp: 5, label: '' },
    });
    one?.set('position', new Vector2(11, 12));
    await tick(() => late.spawner.getNodes()[0]?.get('position').x === 11, 'late joiner synced');
    expect(late.refused).toEqual([]);
  });

  it('visibility: setVisibilityFor and filters hide spawns and syncs per peer, and show them again', async () => {
    const { server, clients, tick } = await replicationSession(2);
    const [a, b] = clients as [Side, Side];
    await tick(connected([a, b], 2), 'connected');
    const idB = b.scene.getUniqueId();
    const open = server.spawner.spawn(0, 'Open');
    const secret = server.spawner.spawn(0, 'Secret', {
      ready: (node) => {
        node.synchronizers[0]?.setVisibilityFor(0, false);
        node.synchronizers[0]?.setVisibilityFor(a.scene.getUniqueId(), true);
      },
    }) as Player;
    const sync = secret.synchronizers[0];
    let spawnedOnB = 0;
    const bLog: string[] = [];
    b.spawner.on('spawned', (n) => {
      spawnedOnB++;
      bLog.push(`spawned ${n.name} ${n.get('label')}`);
    });
    b.spawner.on('despawned', (n) => bLog.push(`despawned ${n.name}`));
    await tick(() => a.spawner.nodeCount === 2 && b.spawner.nodeCount === 1, 'spawned where visible');
    expect(b.spawner.getNodes().map((n) => n.name)).toEqual(['Open']);
    // A filter hides Open from b: b gets a DESPAWN; lifting it spawns it again with the current state.
    // As in Godot, a filter is asked about peer 0 ("everyone") too: answering true there means "all see it".
    let hideFromB = true;
    const filter = (peer: number) => (hideFromB ? peer !== 0 && peer !== idB : true);
    open?.synchronizers[0]?.addVisibilityFilter(filter);
    await tick(() => b.spawner.nodeCount === 0, 'filtered out');
    open?.set('label', 'back');
    hideFromB = false;
    await tick(() => b.spawner.nodeCount === 1, 'filter lifted');
    expect({ log: bLog, label: b.spawner.getNodes()[0]?.get('label') }).toEqual({
      log: ['spawned Open ', 'despawned Open', 'spawned Open back'],
      label: 'back',
    });
    // Public again: b gets Secret too.
    sync?.setVisibilityFor(0, true);
    await tick(() => b.spawner.nodeCount === 2, 'public');
    expect(spawnedOnB).toBe(3); // Open, Open again, Secret: Secret never reached b before.
    expect([...server.refused, ...a.refused, ...b.refused]).toEqual([]);
  });

  it('client authority: the owner syncs its player to the server and, through the relay, to the others', async () => {
    const { server, clients, tick } = await replicationSession(2);
    const [a, b] = clients as [Side, Side];
    await tick(connected([a, b], 2), 'connected');
    const idA = a.scene.getUniqueId();
    const onServer = server.spawner.spawn(0, `P${idA}`) as Player;
    expect(onServer.synchronizers[0]?.getMultiplayerAuthority()).toBe(idA);
    await tick(() => a.spawner.nodeCount === 1 && b.spawner.nodeCount === 1, 'spawned');
    const own = a.spawner.getNodes()[0] as Player;
    expect(own.synchronizers[0]?.isMultiplayerAuthority()).toBe(true);
    own.set('position', new Vector2(5, 6));
    own.set('hp', 42);
    await tick(
      () => onServer.get('position').x === 5 && b.spawner.getNodes()[0]?.get('hp') === 42,
      'owner state on the server and on b',
    );
    expect(b.spawner.getNodes()[0]?.get('position')).toEqual(new Vector2(5, 6));
    expect(onServer.get('hp')).toBe(42);
    expect([...server.refused, ...a.refused, ...b.refused]).toEqual([]);
  });

  it('a change between two process() calls in one clock tick still goes out (coarse browser clocks)', async () => {
    const { server, clients, tick } = await replicationSession(1);
    await tick(connected(clients, 1), 'connected');
    const bot = server.spawner.spawn(0, 'Bot') as Player;
    await tick(() => clients[0]?.spawner.nodeCount === 1, 'spawned');
    const theirs = clients[0]?.spawner.getNodes()[0] as Player;
    // Browsers clamp performance.now() (100 µs in Chromium): two ticks may read the same time.
    server.replication.process(5_000_000);
    bot.set('label', 'new');
    bot.set('position', new Vector2(1, 1));
    server.replication.process(5_000_000);
    for (let i = 0; i < 50 && theirs.get('label') !== 'new'; i++) {
      clients[0]?.scene.poll();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(theirs.values()).toMatchObject({ label: 'new', position: new Vector2(1, 1) });
  });

  it("RPCs on a replicated node reach only the peers that can see it (Godot's is_rpc_visible)", async () => {
    const { server, clients, tick } = await replicationSession(2);
    const [a, b] = clients as [Side, Side];
    await tick(connected([a, b], 2), 'connected');
    const idA = a.scene.getUniqueId();
    server.spawner.spawn(0, 'Secret', {
      ready: (node) => {
        node.synchronizers[0]?.setVisibilityFor(0, false);
        node.synchronizers[0]?.setVisibilityFor(idA, true);
      },
    });
    const calls: string[] = [];
    const rpcNode = (side: Side, who: string) =>
      side.scene.node('Main/Players/Secret', {
        methods: { ping: { handler: (text: string) => calls.push(`${who}:${text}`) } },
      });
    const onServer = rpcNode(server, 'server');
    rpcNode(a, 'a');
    rpcNode(b, 'b');
    await tick(() => a.spawner.nodeCount === 1, 'spawned on a');
    expect(onServer.rpc('ping', 'all')).toBe(ErrorCode.OK);
    expect(onServer.rpcId(b.scene.getUniqueId(), 'ping', 'b only')).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(server.scene.lastErrorMessage).toBe(`Peer ${b.scene.getUniqueId()} cannot see Main/Players/Secret.`);
    await tick(() => calls.length === 1, 'delivered');
    await new Promise((r) => setTimeout(r, 30));
    await tick(() => true, 'drain');
    expect(calls).toEqual(['a:all']);
  });

  it('a static synchronizer travels by path once the peer confirmed it', async () => {
    const { server, clients, tick } = await replicationSession(1);
    await tick(connected(clients, 1), 'connected');
    const serverCounter = server.replication.getNode('Main/Counter');
    const clientCounter = clients[0]?.replication.getNode('/root/Main/Counter');
    serverCounter?.set('value', 41);
    await tick(() => clientCounter?.get('value') === 41, 'counter synced');
    serverCounter?.set('value', 42);
    await tick(() => clientCounter?.get('value') === 42, 'counter synced again');
    expect(server.replication.stats()).toMatchObject({ spawned: 0, synchronizers: 1 });
  });

  it('refuses SPAWN, DESPAWN and SYNC from a peer that is not the authority', async () => {
    const { server, clients, tick } = await replicationSession(1);
    const [a] = clients as [Side];
    await tick(connected(clients, 1), 'connected');
    // The client pretends to be the spawner's authority: the server refuses its spawn.
    a.spawner.setMultiplayerAuthority(a.scene.getUniqueId());
    expect(a.spawner.spawn(0, 'Fake')).not.toBeNull();
    await tick(() => server.refused.length > 0, 'refusal');
    expect(server.refused[0]).toMatch(/^SPAWN on Main\/Spawner from \d+; its authority is 1\.$/);
    expect(server.spawner.nodeCount).toBe(0);
    a.spawner.setMultiplayerAuthority(1);
    // The client claims the server's bot: its SYNC is refused, the value stays.
    const bot = server.spawner.spawn(0, 'Bot') as Player;
    await tick(() => a.replication.getNode('Main/Players/Bot') !== undefined, 'bot spawned');
    const theirs = a.replication.getNode('Main/Players/Bot') as Player;
    theirs.synchronizers[0]?.setMultiplayerAuthority(a.scene.getUniqueId());
    theirs.set('position', new Vector2(666, 666));
    await tick(() => server.refused.some((r) => r.startsWith('Sync data for Main/Players/Bot/Sync')), 'sync refused');
    expect(bot.get('position')).toEqual(new Vector2(0, 0));
    expect(server.scene.stats().refusals).toMatchObject({ authority: expect.any(Number) });
  });
});

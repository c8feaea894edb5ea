/**
 * Hostile replication input is normal input: every malformed, oversized, unknown or unauthorized
 * SPAWN / DESPAWN / SYNC from a raw peer is refused with a counted kind and a bounded reason, spawns
 * nothing half-made, and the connection goes on (a good spawn afterwards still works).
 */
import { LoopbackNetwork } from '@wspeer/core';
import { multiplayerServer, WebSocketMultiplayerPeer } from '@wspeer/multiplayer';
import { SceneMultiplayer, SceneReplicationInterface, sceneServer, simplifyPathPacket } from '@wspeer/scene';
import { ByteWriter, godot4Codec, Vector2, writeVariantWith } from '@wspeer/variant';
import { describe, expect, it } from 'vitest';
import { declareProbeScene, PROBE_CODEC, settle } from './replication-fixture.js';

const NO_RPC_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

/** A SPAWN on the item spawner (our cache id 1) as bytes, with overridable parts. */
function spawn(o: {
  scene?: number;
  netId?: number;
  syncIds?: number[];
  name?: string;
  nameLen?: number;
  state?: Uint8Array;
}) {
  const name = new TextEncoder().encode(o.name ?? 'Gem');
  const syncIds = o.syncIds ?? [2];
  const w = new ByteWriter();
  w.u8(4);
  w.u8(o.scene ?? 0);
  w.u32(1);
  w.u32(o.netId ?? 1);
  w.u32(syncIds.length);
  w.u32(o.nameLen ?? name.byteLength + 1);
  for (const id of syncIds) w.u32(id);
  w.bytes(name);
  w.u8(0);
  w.bytes(o.state ?? itemState(new Vector2(1, 2), 'ruby'));
  return w.finish();
}

function itemState(...values: unknown[]): Uint8Array {
  const w = new ByteWriter();
  for (const v of values) writeVariantWith(godot4Codec, w, v as never);
  return w.finish();
}

function sync(time: number, entries: Array<[number, Uint8Array]>, delta?: [number, number]): Uint8Array {
  const w = new ByteWriter();
  if (delta === undefined) {
    w.u8(6);
    w.u8(time & 0xff);
    w.u8(time >> 8);
  } else w.u8(0x16);
  for (const [id, bytes] of entries) {
    w.u32(id);
    if (delta !== undefined) {
      w.u32(delta[0]);
      w.u32(delta[1]);
    }
    w.u32(bytes.byteLength);
    w.bytes(bytes);
  }
  return w.finish();
}

async function hostileSession(maxSpawnedPerPeer = 4096) {
  const net = new LoopbackNetwork();
  const peer = () =>
    new WebSocketMultiplayerPeer({
      connect: net.connect,
      server: multiplayerServer(net.listen),
      wire: 'godot4',
      log: null,
    });
  const serverPeer = peer();
  serverPeer.createServer(0);
  const port = await serverPeer.listening(1000);
  const server = new SceneMultiplayer(serverPeer, { log: null, codec: PROBE_CODEC, server: sceneServer });
  const refused: string[] = [];
  server.on('rpc_refused', (_from, reason) => refused.push(reason));
  const replication = new SceneReplicationInterface(server, { maxSpawnedPerPeer });
  const declared = declareProbeScene(replication);
  const attacker = peer();
  attacker.createClient(`ws://loopback:${port}/`);
  const tick = (done: () => boolean, what: string) =>
    settle(
      [server],
      () => {
        attacker.poll();
        while (attacker.getAvailablePacketCount() > 0) attacker.getPacket();
        return done();
      },
      what,
      [replication],
    );
  await tick(() => server.getPeers().length === 1 && attacker.getUniqueId() !== 0, 'connected');
  const id = attacker.getUniqueId();
  declared.items.setMultiplayerAuthority(id);
  const send = (packet: Uint8Array) => {
    attacker.setTargetPeer(1);
    attacker.putPacket(packet);
  };
  send(simplifyPathPacket(NO_RPC_MD5, 1, 'Main/ItemSpawner'));
  return { server, replication, ...declared, refused, send, tick, id };
}

describe('replication under hostile input', () => {
  it('refuses every bad SPAWN, spawns nothing, and still takes a good one', async () => {
    const { server, items, refused, send, tick } = await hostileSession();
    const bad: Array<[Uint8Array, RegExp]> = [
      [spawn({}).subarray(0, 17), /^SPAWN of 17 bytes \(at least 18\)\.$/],
      [
        (() => {
          const p = spawn({});
          p[2] = 9;
          return p;
        })(),
        /^SPAWN for spawner cache id 9, which the peer never sent\.$/,
      ],
      [spawn({ name: 'a/b' }), /^SPAWN with an invalid node name "a\/b"\.$/],
      [spawn({ name: '' }), /^SPAWN with an invalid node name ""\.$/],
      [spawn({ name: 'x'.repeat(300) }), /^SPAWN name of 301 bytes \(1 to 256 with its NUL\)\.$/],
      [spawn({ nameLen: 0x7fffffff }), /^SPAWN sizes past its end/],
      [
        spawn({ syncIds: Array(5000).fill(2).slice(0, 3), state: new Uint8Array(0) }),
        /synchronizer ids for 1 synchronizers|spawn state/,
      ],
      [spawn({ scene: 3 }), /^SPAWN of scene 3 on Main\/ItemSpawner, which has 1\.$/],
      [spawn({ scene: 255 }), /^Custom SPAWN/],
      [spawn({ syncIds: [] }), /no net id for its synchronizer ItemSync/],
      [spawn({ state: itemState(new Vector2(1, 2)) }), /spawn state: the state ends before property 'kind'/],
      [spawn({ state: itemState('not a vector', 'ruby') }), /spawn state: property 'position' is not a Vector2/],
      [spawn({ state: itemState(new Vector2(1, 2), 'ruby', 7) }), /bytes past the spawn state its config describes/],
      [
        spawn({ state: new Uint8Array([0x1c, 0, 0, 0, 1, 0, 0, 0]) }),
        /spawn state: property 'position' does not decode/,
      ],
    ];
    for (const [packet] of bad) send(packet);
    await tick(() => refused.length >= bad.length, 'every refusal');
    expect(refused).toHaveLength(bad.length);
    for (const [i, [, reason]] of bad.entries()) expect(refused[i]).toMatch(reason);
    expect(refused.every((r) => r.length < 200)).toBe(true);
    expect(items.nodeCount).toBe(0);
    expect(server.stats().refusals).toEqual({ spawn: bad.length });
    // The connection goes on: a good spawn works, and the same net id or name again is refused.
    send(spawn({}));
    await tick(() => items.nodeCount === 1, 'the good spawn');
    send(spawn({}));
    send(spawn({ netId: 9 }));
    await tick(() => refused.length === bad.length + 2, 'duplicates refused');
    expect(refused.slice(-2)).toEqual([
      `SPAWN of "Main/Items/Gem", which exists already.`,
      `SPAWN of "Main/Items/Gem", which exists already.`,
    ]);
  });

  it('bounds the nodes one peer may spawn here (maxSpawnedPerPeer), counted as limit refusals', async () => {
    const { server, items, refused, send, tick, replication } = await hostileSession(16);
    for (let i = 0; i < 40; i++) send(spawn({ netId: 100 + i * 2, syncIds: [101 + i * 2], name: `G${i}` }));
    await tick(() => items.nodeCount + refused.length === 40, 'all handled');
    expect(items.nodeCount).toBe(16);
    expect(server.stats().refusals).toEqual({ limit: 24 });
    expect(replication.stats().received).toBe(16);
  });

  it('refuses bad DESPAWN, SYNC and delta packets; unknown and stale entries are counted, not applied', async () => {
    const { items, refused, send, tick, replication } = await hostileSession();
    send(spawn({}));
    await tick(() => items.nodeCount === 1, 'spawned');
    const gem = items.getNodes()[0];
    const kind = itemState('pearl');
    const pos = (x: number) => itemState(new Vector2(x, 0));
    send(new Uint8Array([5, 1, 0, 0]));
    send(new Uint8Array([5, 7, 0, 0, 0]));
    send(sync(1, [[2, pos(5)]]).subarray(0, 10));
    send(sync(1, [[2, new Uint8Array(40)]]).subarray(0, 30));
    send(sync(1, [[2, itemState('not a vector')]]));
    send(sync(0, [[2, kind]], [0, 0]));
    send(sync(0, [[2, itemState(3)]], [1, 0]));
    send(sync(2, [[77, pos(1)]]));
    send(sync(3, [[2, pos(3)]]));
    send(sync(2, [[2, pos(2)]])); // older than 3: dropped
    send(sync(0, [[2, kind]], [1, 0]));
    await tick(() => gem?.get('kind') === 'pearl', 'the good delta');
    expect(refused).toEqual([
      'DESPAWN of 4 bytes (at least 5).',
      `DESPAWN of net id 7, which peer ${items.getMultiplayerAuthority()} did not spawn here.`,
      'SYNC of 10 bytes (at least 11).',
      'SYNC entry of 40 bytes past the end.',
      "SYNC for Main/Items/Gem/ItemSync: property 'position' is not a Vector2.",
      'Delta for Main/Items/Gem/ItemSync with no known property bit set.',
      "Delta for Main/Items/Gem/ItemSync: property 'kind' is not a String.",
    ]);
    expect(gem?.get('position')).toEqual(new Vector2(3, 0));
    expect(replication.stats()).toMatchObject({ unknown: 1, stale: 1, syncsApplied: 1, deltasApplied: 1 });
  });

  it('refuses state for a synchronizer from a peer that is not its authority, and a SPAWN on a spawner it does not own', async () => {
    const { server, spawner, refused, send, tick, id } = await hostileSession();
    const bot = spawner.spawn(0, 'Bot');
    await tick(() => server.getPeers().length === 1, 'ready');
    // The attacker learned nothing of Bot's ids; it names its synchronizer by path instead.
    send(simplifyPathPacket(NO_RPC_MD5, 2, 'Main/Players/Bot/Sync'));
    send(sync(1, [[0x80000002, itemState(new Vector2(66, 66))]]));
    send(new Uint8Array([...simplifyPathPacket(NO_RPC_MD5, 3, 'Main/Spawner')]));
    const onPlayers = spawn({});
    onPlayers[2] = 3;
    send(onPlayers);
    await tick(() => refused.length === 2, 'refusals');
    expect(refused).toEqual([
      `Sync data for Main/Players/Bot/Sync from ${id}; its authority is 1.`,
      `SPAWN on Main/Spawner from ${id}; its authority is 1.`,
    ]);
    expect(bot?.get('position')).toEqual(new Vector2(0, 0));
    expect(server.stats().refusals).toEqual({ authority: 2 });
  });
});

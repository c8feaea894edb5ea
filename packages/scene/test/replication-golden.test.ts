/**
 * Golden replication bytes both ways. Godot's: what the live 4.6 client sent (`replication-golden-bytes.ts`,
 * re-checked live by `replication-godot4.node.test.ts`) is decoded by our side into the same node and
 * values, and our side, doing what that client did, sends the same bytes. Ours: the SPAWN of the
 * reference example (`modules/multiplayer/scene_replication_interface.cpp`, `_make_spawn_packet`),
 * accepted live by the Godot client.
 */
import { LoopbackNetwork } from '@wspeer/core';
import { multiplayerServer, WebSocketMultiplayerPeer } from '@wspeer/multiplayer';
import { SceneMultiplayer, SceneReplicationInterface, sceneServer } from '@wspeer/scene';
import { Vector2 } from '@wspeer/variant';
import { describe, expect, it } from 'vitest';
import { declareProbeScene, PROBE_CODEC, settle } from './replication-fixture.js';
import {
  GODOT_ITEM_DELTA_PEARL,
  GODOT_ITEM_DELTA_SPAWN,
  GODOT_ITEM_DESPAWN,
  GODOT_ITEM_SIMPLIFY_PATH,
  GODOT_ITEM_SPAWN,
  GODOT_ITEM_SYNC,
} from './replication-golden-bytes.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text: string) => new Uint8Array((text.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));

/** A server with the probe scene and one client peer; every packet the server reads is recorded as hex. */
async function pair(clientScene: boolean) {
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
  const received: string[] = [];
  const getPacket = serverPeer.getPacket.bind(serverPeer);
  serverPeer.getPacket = () => {
    const packet = getPacket();
    received.push(hex(packet));
    return packet;
  };
  const server = new SceneMultiplayer(serverPeer, { log: null, codec: PROBE_CODEC, server: sceneServer });
  const refused: string[] = [];
  server.on('rpc_refused', (_from, reason) => refused.push(reason));
  const serverReplication = new SceneReplicationInterface(server);
  const serverSide = declareProbeScene(serverReplication);
  const clientPeer = peer();
  clientPeer.createClient(`ws://loopback:${port}/`);
  const client = clientScene ? new SceneMultiplayer(clientPeer, { log: null, codec: PROBE_CODEC }) : null;
  const clientReplication = client === null ? null : new SceneReplicationInterface(client);
  const clientSide = clientReplication === null ? null : declareProbeScene(clientReplication);
  const scenes = client === null ? [server] : [server, client];
  const replications = clientReplication === null ? [serverReplication] : [serverReplication, clientReplication];
  // A bare client peer (no SceneMultiplayer) is polled here; the test reads its packets itself.
  const tick = (done: () => boolean, what: string) =>
    settle(
      scenes,
      () => {
        if (client === null) clientPeer.poll();
        return done();
      },
      what,
      replications,
    );
  await tick(() => server.getPeers().length === 1 && clientPeer.getUniqueId() !== 0, 'connected');
  return { server, serverSide, serverPeer, clientPeer, client, clientSide, clientReplication, received, refused, tick };
}

describe('replication golden bytes', () => {
  it("Godot 4.6's SPAWN, delta, SYNC and DESPAWN decode into the node and values Godot had", async () => {
    const { serverSide, clientPeer, refused, tick } = await pair(false);
    const id = clientPeer.getUniqueId();
    serverSide.items.setMultiplayerAuthority(id);
    const seen: string[] = [];
    serverSide.items.on('spawned', (node) => seen.push(`spawned ${node.path} ${JSON.stringify(node.values())}`));
    serverSide.items.on('despawned', (node) => seen.push(`despawned ${node.path}`));
    for (const packet of [GODOT_ITEM_SIMPLIFY_PATH, GODOT_ITEM_SPAWN, GODOT_ITEM_DELTA_SPAWN, GODOT_ITEM_SYNC]) {
      clientPeer.setTargetPeer(1);
      clientPeer.putPacket(unhex(packet));
    }
    await tick(() => serverSide.items.nodeCount === 1, 'spawned');
    const gem = serverSide.items.getNodes()[0];
    expect(gem?.values()).toEqual({ position: new Vector2(1.5, -2), kind: 'ruby' });
    clientPeer.putPacket(unhex(GODOT_ITEM_DELTA_PEARL));
    await tick(() => gem?.get('kind') === 'pearl', 'delta');
    clientPeer.putPacket(unhex(GODOT_ITEM_DESPAWN));
    await tick(() => serverSide.items.nodeCount === 0, 'despawned');
    expect(seen).toEqual([
      'spawned Main/Items/Gem {"position":{"x":1.5,"y":-2},"kind":"ruby"}',
      'despawned Main/Items/Gem',
    ]);
    expect(refused).toEqual([]);
  });

  it('our client, doing what the Godot client did, sends the same bytes', async () => {
    const { serverSide, clientSide, client, clientReplication, received, refused, tick } = await pair(true);
    const id = client?.getUniqueId() as number;
    serverSide.items.setMultiplayerAuthority(id);
    clientSide?.items.setMultiplayerAuthority(id);
    const gem = clientSide?.items.spawn(0, 'Gem', { values: { position: new Vector2(1.5, -2), kind: 'ruby' } });
    await tick(() => serverSide.items.nodeCount === 1, 'spawned');
    await tick(() => received.some((p) => p.startsWith('06')), 'first sync');
    gem?.set('kind', 'pearl');
    await tick(() => serverSide.items.getNodes()[0]?.get('kind') === 'pearl', 'delta');
    clientSide?.items.despawn(gem as never);
    await tick(() => serverSide.items.nodeCount === 0, 'despawned');
    const ours = received.filter((p) => !p.startsWith('02')); // CONFIRM_PATHs for the server's paths
    expect(ours[0]).toBe(GODOT_ITEM_SIMPLIFY_PATH);
    expect(ours[1]).toBe(GODOT_ITEM_SPAWN);
    expect(ours.filter((p) => p.startsWith('16'))).toEqual([GODOT_ITEM_DELTA_SPAWN, GODOT_ITEM_DELTA_PEARL]);
    expect(ours.find((p) => p.startsWith('06'))?.slice(6)).toBe(GODOT_ITEM_SYNC.slice(6));
    expect(ours.at(-1)).toBe(GODOT_ITEM_DESPAWN);
    expect(clientReplication?.stats()).toMatchObject({ spawnsSent: 1, despawnsSent: 1, deltasSent: 2 });
    expect(refused).toEqual([]);
  });

  it('our SPAWN is the reference example\'s: scene 0, net id 1, sync id 2, "Bot", position, hp, label', async () => {
    const { serverSide, client, clientPeer, tick } = await pair(false);
    expect(client).toBeNull();
    const got: string[] = [];
    const getPacket = clientPeer.getPacket.bind(clientPeer);
    clientPeer.getPacket = () => {
      const packet = getPacket();
      got.push(hex(packet));
      return packet;
    };
    serverSide.spawner.spawn(0, 'Bot', { values: { position: new Vector2(100, 200), hp: 77, label: 'from-node' } });
    await tick(() => {
      clientPeer.poll();
      while (clientPeer.getAvailablePacketCount() > 0) clientPeer.getPacket();
      return got.some((p) => p.startsWith('04'));
    }, 'spawn');
    const simplify = got.find((p) => p.startsWith('01') && p.endsWith(hex(new TextEncoder().encode('Main/Spawner\0'))));
    // SIMPLIFY_PATH of Main/Spawner (md5 of "", our cache id), then the SPAWN naming that id.
    expect(simplify).toMatch(/^01643431643863643938663030623230346539383030393938656366383432376500(..)000000/);
    expect(new TextDecoder().decode(unhex(simplify?.slice(76, -2) ?? ''))).toBe('Main/Spawner');
    const spawnerId = simplify?.slice(68, 76);
    expect(got.find((p) => p.startsWith('04'))).toBe(
      `0400${spawnerId}01000000010000000400000002000000426f7400` +
        '050000000000c84200004843024d040000000900000066726f6d2d6e6f6465000000',
    );
  });
});

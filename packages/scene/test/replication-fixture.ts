/**
 * The replicated scene of the test kit's Godot 4 `replication` probe, declared on our side: a
 * `Main/Spawner` (spawn path `../Players`, scene 0 = `res://player.tscn`) whose Player has a `Sync`
 * replicating position (ALWAYS), hp and label (ON_CHANGE), all three spawn properties; the player's
 * authority is the peer its name says (`"P<id>"`), else the server. Plus helpers for loopback sessions.
 */
import { LoopbackNetwork } from '@wspeer/core';
import { multiplayerServer, WebSocketMultiplayerPeer } from '@wspeer/multiplayer';
import {
  type MultiplayerSpawner,
  type ReplicatedNode,
  replicatedScene,
  SceneMultiplayer,
  type SceneMultiplayerOptions,
  SceneReplicationInterface,
  type SceneReplicationOptions,
  sceneServer,
} from '@wspeer/scene';
import { godot4CoreCodec, godot4Vector2, withTypes } from '@wspeer/variant';

/** The codec the probe scene needs: the core types and Vector2 (its `position`). */
export const PROBE_CODEC = withTypes(godot4CoreCodec, godot4Vector2);

/** The owner a player's name says: `"P123"` -> 123, anything else -> 1 (the server). */
export function ownerOf(node: { name: string }): number {
  return /^P\d+$/.test(node.name) ? Number(node.name.slice(1)) : 1;
}

/** `res://player.tscn` of the probe. */
export const playerScene = replicatedScene('res://player.tscn', {
  Sync: {
    properties: {
      position: { path: '.:position', type: 'Vector2' },
      hp: { path: '.:hp', type: 'int', mode: 'on_change', default: 100 },
      label: { path: '.:label', type: 'String', mode: 'on_change' },
    },
    authority: ownerOf,
  },
});

/** `res://item.tscn` of the probe: spawned by whoever owns `Main/ItemSpawner`, which is also its authority. */
export const itemScene = replicatedScene('res://item.tscn', {
  ItemSync: {
    properties: {
      position: { path: '.:position', type: 'Vector2' },
      kind: { path: '.:kind', type: 'String', mode: 'on_change' },
    },
    authority: (node) => node.spawner?.getMultiplayerAuthority() ?? 1,
  },
});

/** The values of a player node. */
export type PlayerValues = NonNullable<(typeof playerScene)['_values']>;

/** A player node. */
export type Player = ReplicatedNode<PlayerValues>;

/** Declares the probe's spawner and static counter synchronizer on `replication`. */
export function declareProbeScene(replication: SceneReplicationInterface) {
  const spawner = replication.spawner('Main/Spawner', { spawnPath: '../Players', scenes: [playerScene] });
  const items = replication.spawner('Main/ItemSpawner', { spawnPath: '../Items', scenes: [itemScene] });
  const counter = replication.synchronizer('Main/CounterSync', {
    root: '../Counter',
    properties: { value: { path: '.:value', type: 'int' } },
  });
  return { spawner, items, counter };
}

/** Polls every scene and processes every replication until `done()`, or throws after about 3 s. */
export async function settle(
  scenes: readonly SceneMultiplayer[],
  done: () => boolean,
  what = 'condition',
  replications: readonly SceneReplicationInterface[] = [],
): Promise<void> {
  for (let i = 0; i < 600; i++) {
    for (const s of scenes) s.poll();
    for (const r of replications) r.process();
    if (done()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`settle: ${what} never happened`);
}

/** One side of a loopback session: its SceneMultiplayer, replication, spawner and refusals. */
export interface Side {
  scene: SceneMultiplayer;
  replication: SceneReplicationInterface;
  spawner: MultiplayerSpawner<PlayerValues>;
  refused: string[];
}

/** A server and `n` clients over the loopback network (godot4 wire), each with the probe scene declared. */
export async function replicationSession(
  n: number,
  options: SceneMultiplayerOptions = {},
  replicationOptions: SceneReplicationOptions = {},
) {
  const net = new LoopbackNetwork();
  const peer = () =>
    new WebSocketMultiplayerPeer({
      connect: net.connect,
      server: multiplayerServer(net.listen),
      wire: 'godot4',
      log: null,
    });
  const side = (p: WebSocketMultiplayerPeer): Side => {
    const scene = new SceneMultiplayer(p, { log: null, codec: PROBE_CODEC, server: sceneServer, ...options });
    const replication = new SceneReplicationInterface(scene, replicationOptions);
    const refused: string[] = [];
    scene.on('rpc_refused', (_from, reason) => refused.push(reason));
    return { scene, replication, spawner: declareProbeScene(replication).spawner, refused };
  };
  const serverPeer = peer();
  serverPeer.createServer(0);
  const port = await serverPeer.listening(1000);
  const server = side(serverPeer);
  const join = (): Side => {
    const p = peer();
    p.createClient(`ws://loopback:${port}/`);
    const joined = side(p);
    clients.push(joined);
    return joined;
  };
  const clients: Side[] = [];
  for (let i = 0; i < n; i++) join();
  const all = () => [server, ...clients];
  const tick = (done: () => boolean, what?: string) =>
    settle(
      all().map((s) => s.scene),
      done,
      what,
      all().map((s) => s.replication),
    );
  return { server, clients, join, all, tick };
}

import { ErrorCode } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { replicatedScene, SceneMultiplayer, SceneReplicationInterface } from 'wspeer/scene';
import { godot4CoreCodec, godot4Vector2, Vector2, withTypes } from 'wspeer/variant';
import type { ReplicationServer } from './replication-server.js';
import { ReplicationWorld } from './replication-world.js';

/** An entity scene as a Godot 4 game would declare it: position ALWAYS, hp ON_CHANGE, both spawned. */
const entityScene = replicatedScene('res://entity.tscn', {
  Sync: {
    properties: {
      position: { type: 'Vector2' },
      hp: { type: 'int', mode: 'on_change' },
    },
  },
});

/**
 * wspeer as a Godot 4 authoritative server: `WebSocketMultiplayerPeer` (godot4 wire) +
 * `SceneMultiplayer` + `SceneReplicationInterface`, one spawned node per entity; each tick sets the
 * positions (and changed hp) and calls `process()`: one SYNC per peer with every position, a delta
 * when an hp changed. Godot 4 clients could join as they are.
 */
export async function startWspeerReplicationServer(): Promise<ReplicationServer> {
  const peer = new WebSocketMultiplayerPeer({ wire: 'godot4', log: null });
  if (peer.createServer(0, '127.0.0.1') !== ErrorCode.OK) throw new Error('wspeer: createServer failed');
  const port = await peer.listening(5000);
  const scene = new SceneMultiplayer(peer, {
    autoPoll: true,
    log: null,
    codec: withTypes(godot4CoreCodec, godot4Vector2),
  });
  const replication = new SceneReplicationInterface(scene);
  const spawner = replication.spawner('Main/Spawner', { spawnPath: '../Entities', scenes: [entityScene] });
  const world = new ReplicationWorld();
  const nodes = world.entities.map((e) =>
    spawner.spawn(0, `E${e.id}`, { values: { position: new Vector2(e.x, e.y), hp: e.hp } }),
  );
  return {
    port,
    clients: () => scene.getPeers().length,
    tick: () => {
      world.step();
      for (const e of world.entities) {
        const node = nodes[e.id];
        if (node === null || node === undefined) continue;
        node.set('position', new Vector2(e.x, e.y));
        if (node.get('hp') !== e.hp) node.set('hp', e.hp);
      }
      replication.process();
    },
    close: () => peer.close(),
  };
}

import type { Server } from 'node:http';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer, SceneReplicationInterface } from 'wspeer/scene';
import { ARENA_CODEC, ARENA_TICK_HZ, arenaPlayerScene } from './arena-scene.js';
import { ArenaWorld } from './arena-world.js';
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from './endpoint-settings.js';

/** The arena endpoint: its peer, scene layer, replication and world. */
export interface ArenaEndpoint {
  /** The godot4-wire server peer. */
  peer: WebSocketMultiplayerPeer;
  /** Godot 4's SceneMultiplayer over it. */
  scene: SceneMultiplayer;
  /** Replication (spawner `Main/Spawner`). */
  replication: SceneReplicationInterface;
  /** The rules. */
  world: ArenaWorld;
  /** Stops the tick and closes every connection. */
  stop(code?: number, reason?: string): void;
}

/**
 * `/arena`: a real-time shared arena, authoritative at 30 Hz. Godot 4's wire and SceneMultiplayer
 * with replication: every peer (a browser on the demo page, or a Godot 4 game with only the stock
 * MultiplayerSpawner and MultiplayerSynchronizer nodes) gets a dot; players replicate their input to
 * the server, the server moves the dots and replicates their positions to everyone. Players are
 * pinged (a dead player's dot goes) and held to the server's default per-sender rate limits.
 */
export function arenaEndpoint(
  http: Server,
  log: (line: string) => void,
  settings: EndpointSettings = DEFAULT_ENDPOINT_SETTINGS,
): ArenaEndpoint {
  const peer = new WebSocketMultiplayerPeer({
    wire: 'godot4',
    heartbeatInterval: settings.heartbeatInterval,
    log: (line) => log(`[arena] ${line}`),
  });
  const scene = new SceneMultiplayer(peer, {
    autoPoll: true,
    codec: ARENA_CODEC,
    log: (line) => log(`[arena] ${line}`),
  });
  const replication = new SceneReplicationInterface(scene);
  const spawner = replication.spawner('Main/Spawner', { spawnPath: '../Players', scenes: [arenaPlayerScene] });
  const world = new ArenaWorld(spawner);
  scene.on('peer_connected', (id) => world.join(id));
  scene.on('peer_disconnected', (id) => world.leave(id));
  const seconds = 1 / ARENA_TICK_HZ;
  const timer = setInterval(() => {
    world.step(seconds);
    replication.process();
  }, 1000 / ARENA_TICK_HZ);
  peer.attachServer(http, '/arena');
  return {
    peer,
    scene,
    replication,
    world,
    stop: (code, reason) => {
      clearInterval(timer);
      peer.stop(code, reason);
    },
  };
}

import { createServer, type Server } from 'node:http';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer, sceneAuth } from 'wspeer/scene';
import { attachEcho } from './echo-endpoint.js';
import type { Target, TargetOptions } from './public-target.js';
import { declareSceneRoom, SCENE_TOKEN } from './scene-room.js';

/** Seconds the scene target gives a peer to authenticate (Godot's default is 3; shorter keeps the suite short). */
export const SCENE_AUTH_TIMEOUT = 2;

const decoder = new TextDecoder();

/**
 * A Godot 4 server built only with wspeer's public API and its defaults, as an app would write it:
 * on one HTTP server, `/echo` (as the public target) and `/scene` (a `WebSocketMultiplayerPeer` with
 * the `godot4` wire under a `SceneMultiplayer` with the server relay on and authentication: a peer
 * that sends {@link SCENE_TOKEN} is admitted, any other data disconnects it, silence for
 * {@link SCENE_AUTH_TIMEOUT} seconds drops it). The room's node answers `ping(n)` with `pong(n)`.
 */
export async function startSceneTarget(options: TargetOptions): Promise<Target> {
  const http: Server = createServer((_request, response) => response.end('ok\n'));
  const echo = attachEcho(http, options.heartbeatInterval);
  const peer = new WebSocketMultiplayerPeer({
    wire: 'godot4',
    autoPoll: true,
    heartbeatInterval: options.heartbeatInterval,
    log: options.log,
  });
  const scene: SceneMultiplayer = new SceneMultiplayer(peer, {
    autoPoll: true,
    log: options.log,
    authTimeout: SCENE_AUTH_TIMEOUT,
    auth: sceneAuth,
    authCallback: (id, data) => {
      if (decoder.decode(data) === SCENE_TOKEN) scene.completeAuth(id);
      else scene.disconnectPeer(id);
    },
  });
  let authenticatingHighWater = 0;
  scene.on('peer_authenticating', () => {
    authenticatingHighWater = Math.max(authenticatingHighWater, scene.stats().authenticating);
  });
  const node = declareSceneRoom(scene, {
    ping: (n) => node.rpcId(scene.getRemoteSenderId(), 'pong', n),
    pong: () => {},
  });
  peer.attachServer(http, '/scene');
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    port: (http.address() as { port: number }).port,
    stats: () => ({
      endpoints: { '/echo': echo.stats(), '/scene': peer.stats() },
      scene: { ...scene.stats(), authenticatingHighWater },
    }),
    close: async () => {
      echo.stop();
      peer.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

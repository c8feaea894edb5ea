/**
 * wspeer/scene: Godot 4's high-level multiplayer (`SceneMultiplayer`: `@rpc` by node path with method
 * ids and compressed arguments, the path cache, authentication, the server relay; replication with
 * `SceneReplicationInterface`, `MultiplayerSpawner` and `MultiplayerSynchronizer`). Runtime-agnostic;
 * pair it with a `WebSocketMultiplayerPeer` from `wspeer/multiplayer` created with `wire: 'godot4'`.
 * In Node, `SceneMultiplayer` has its server side (`sceneServer`) built in; browsers get
 * `scene-browser.ts`. Authentication (`sceneAuth`) is opt-in everywhere, so the same code behaves the same.
 */

import type { MultiplayerPeer } from '@wspeer/multiplayer';
import { SceneMultiplayer as SceneMultiplayerBase, type SceneMultiplayerOptions, sceneServer } from '@wspeer/scene';

export * from './public-scene.js';

/**
 * Godot 4's `SceneMultiplayer`, with its server side (peer announcements and the relay) built in. A game that
 * authenticates passes `{ auth: sceneAuth }`, in Node as in browsers.
 */
export class SceneMultiplayer extends SceneMultiplayerBase {
  constructor(peer: MultiplayerPeer | null = null, options: SceneMultiplayerOptions = {}) {
    super(peer, { server: sceneServer, ...options });
  }
}

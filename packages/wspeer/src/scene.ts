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

export {
  type AuthCallback,
  CUSTOM_SPAWN,
  MultiplayerSpawner,
  type MultiplayerSpawnerEvents,
  type MultiplayerSpawnerSpec,
  MultiplayerSynchronizer,
  type MultiplayerSynchronizerEvents,
  ReplicatedNode,
  type ReplicatedPropertySpec,
  type ReplicatedPropertySpecs,
  ReplicatedScene,
  ReplicationMode,
  type ReplicationModeName,
  type ReplicationStats,
  RpcMode,
  type RpcModeName,
  replicatedScene,
  type SceneArgType,
  type SceneArgValue,
  type SceneAuth,
  type SceneMethodMap,
  type SceneMethodSpec,
  type SceneMultiplayerEvents,
  type SceneMultiplayerOptions,
  SceneNode,
  type SceneNodeSpec,
  SceneReplicationConfig,
  SceneReplicationInterface,
  type SceneReplicationOptions,
  type SceneRpcHandler,
  type SceneServer,
  type SceneStats,
  type SceneValues,
  type SpawnFunction,
  type SpawnInit,
  type SynchronizerSpec,
  type SynchronizerSpecs,
  sceneAuth,
  sceneServer,
  type TransferModeName,
  type VisibilityFilter,
  type VisibilityUpdateMode,
} from '@wspeer/scene';

/**
 * Godot 4's `SceneMultiplayer`, with its server side (peer announcements and the relay) built in. A game that
 * authenticates passes `{ auth: sceneAuth }`, in Node as in browsers.
 */
export class SceneMultiplayer extends SceneMultiplayerBase {
  constructor(peer: MultiplayerPeer | null = null, options: SceneMultiplayerOptions = {}) {
    super(peer, { server: sceneServer, ...options });
  }
}

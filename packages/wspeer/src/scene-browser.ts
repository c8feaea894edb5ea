/**
 * wspeer/scene: Godot 4's high-level multiplayer (`SceneMultiplayer`: `@rpc` by node path with method
 * ids and compressed arguments, the path cache, authentication, the server relay; replication with
 * `SceneReplicationInterface`, `MultiplayerSpawner` and `MultiplayerSynchronizer`). Runtime-agnostic;
 * pair it with a `WebSocketMultiplayerPeer` from `wspeer/multiplayer` created with `wire: 'godot4'`.
 * For browsers: `SceneMultiplayer` without its server side (a server in a page passes
 * `{ server: sceneServer }`). A game that authenticates passes `{ auth: sceneAuth }` (in Node too).
 */
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
  SceneMultiplayer,
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

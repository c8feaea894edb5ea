/**
 * wspeer/scene: Godot 4's high-level multiplayer (`SceneMultiplayer`: `@rpc` by node path with method
 * ids and compressed arguments, the path cache, authentication, the server relay). Runtime-agnostic:
 * pair it with a `WebSocketMultiplayerPeer` from `wspeer/multiplayer` created with `wire: 'godot4'`.
 */
export {
  type AuthCallback,
  RpcMode,
  type RpcModeName,
  type SceneArgType,
  type SceneMethodMap,
  type SceneMethodSpec,
  SceneMultiplayer,
  type SceneMultiplayerEvents,
  type SceneMultiplayerOptions,
  SceneNode,
  type SceneNodeSpec,
  type SceneRpcHandler,
  type SceneStats,
  type TransferModeName,
} from '@wspeer/scene';

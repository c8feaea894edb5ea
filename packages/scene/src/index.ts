export { codecHint } from './codec-hint.js';
export { readCompressed, readCompressedArgs, writeCompressed, writeCompressedArgs } from './compressed-variant.js';
export { isLocalPeer } from './is-local-peer.js';
export { md5Hex } from './md5.js';
export {
  CUSTOM_SPAWN,
  MultiplayerSpawner,
  type MultiplayerSpawnerEvents,
  type MultiplayerSpawnerSpec,
  type SpawnerHost,
  type SpawnFunction,
  type SpawnInit,
} from './multiplayer-spawner.js';
export {
  MultiplayerSynchronizer,
  type MultiplayerSynchronizerEvents,
  type MultiplayerSynchronizerInit,
  type SynchronizerHost,
  type VisibilityFilter,
  type VisibilityUpdateMode,
} from './multiplayer-synchronizer.js';
export { ReplicatedNode, type ReplicatedNodeInit } from './replicated-node.js';
export {
  ReplicatedScene,
  replicatedScene,
  type SceneSynchronizer,
  type SceneValues,
  type SynchronizerSpec,
  type SynchronizerSpecs,
} from './replicated-scene.js';
export { ReplicationMode, type ReplicationModeName } from './replication-mode.js';
export {
  DEFAULT_DELTA_MTU,
  DEFAULT_SYNC_MTU,
  despawnPacket,
  isValidNodeName,
  NO_RPC_MD5,
  PATH_SYNC_ID,
  SYNC_DELTA_FLAG,
  writeSpawnHead,
} from './replication-packets.js';
export { resolveNodePath } from './resolve-node-path.js';
export {
  type MethodConfig,
  RpcConfig,
  type SceneMethodMap,
  type SceneMethodSpec,
  type SceneRpcHandler,
} from './rpc-config.js';
export { RpcMode, type RpcModeName, type TransferModeName } from './rpc-mode.js';
export { encodeRpc, INLINE_PATH_FLAG, type RpcHeader, readRpcHeader, withInlinePath } from './rpc-packet.js';
export {
  checkSceneArgType,
  coerceSceneArg,
  firstSceneArgMismatch,
  fitsSceneArgType,
  type SceneArgType,
  type SceneArgValue,
  type SceneArgValues,
  zeroSceneArg,
} from './scene-arg-type.js';
export { type AuthSession, type SceneAuth, type SceneAuthHost, SceneAuthSessions, sceneAuth } from './scene-auth.js';
export { CMD_MASK, SceneCommand, SYS_CMD_SIZE, SysCommand } from './scene-command.js';
export { SceneMultiplayer } from './scene-multiplayer.js';
export type {
  AuthCallback,
  SceneMultiplayerEvents,
  SceneMultiplayerOptions,
  SceneStats,
} from './scene-multiplayer-options.js';
export { SceneNode, type SceneNodeHost, type SceneNodeSpec } from './scene-node.js';
export {
  authPacket,
  confirmPathPacket,
  rawPacket,
  readCString,
  relayPacket,
  simplifyPathPacket,
  sysPacket,
} from './scene-packets.js';
export {
  type LearnResult,
  type ReceivedPath,
  ScenePathCache,
  type SentPath,
} from './scene-path-cache.js';
export { scenePathKey } from './scene-path-key.js';
export {
  MAX_WATCHED_PROPERTIES,
  type ReplicatedPropertySpec,
  type ReplicatedPropertySpecs,
  SceneReplicationConfig,
} from './scene-replication-config.js';
export {
  type ReplicationStats,
  SceneReplicationInterface,
  type SceneReplicationOptions,
} from './scene-replication-interface.js';
export type { ReplicatedPath, SceneReplicationLink, SceneReplicator } from './scene-replicator.js';
export { type SceneServer, sceneServer } from './scene-server.js';

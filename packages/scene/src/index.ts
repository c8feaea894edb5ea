export { AuthSessions } from './auth-sessions.js';
export { readCompressed, readCompressedArgs, writeCompressed, writeCompressedArgs } from './compressed-variant.js';
export { md5Hex } from './md5.js';
export {
  type MethodConfig,
  RpcConfig,
  type SceneMethodMap,
  type SceneMethodSpec,
  type SceneRpcHandler,
} from './rpc-config.js';
export { RpcMode, type RpcModeName, type TransferModeName } from './rpc-mode.js';
export { encodeRpc, INLINE_PATH_FLAG, type RpcHeader, readRpcHeader, withInlinePath } from './rpc-packet.js';
export { coerceSceneArg, firstSceneArgMismatch, fitsSceneArgType, type SceneArgType } from './scene-arg-type.js';
export { CMD_MASK, SceneCommand, SYS_CMD_SIZE, SysCommand } from './scene-command.js';
export {
  type AuthCallback,
  SceneMultiplayer,
  type SceneMultiplayerEvents,
  type SceneMultiplayerOptions,
  type SceneStats,
} from './scene-multiplayer.js';
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
  type ConfirmResult,
  type LearnResult,
  type ReceivedPath,
  ScenePathCache,
  type SentPath,
} from './scene-path-cache.js';
export { scenePathKey } from './scene-path-key.js';

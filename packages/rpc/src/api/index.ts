export { type ArgType, argTypeId, coerceArg, fitsArgType } from './arg-type.js';
export { CALL_LOCAL, canCallMode, SKIP_REMOTE, shouldCallLocal } from './mode-rules.js';
export {
  MultiplayerAPI,
  type MultiplayerAPIEvents,
  type MultiplayerAPIOptions,
  type RpcStats,
} from './multiplayer-api.js';
export { FULL_PATH_FLAG, NetworkCommand } from './network-command.js';
export { nodePathKey } from './node-path-key.js';
export { DEFAULT_MAX_PATH_CACHE_BYTES } from './path-caches.js';
export { parseRpcMode, RpcMode, type RpcModeName } from './rpc-mode.js';
export {
  type MethodMap,
  type MethodSpec,
  type NodeSpec,
  type PropertyMap,
  type PropertySpec,
  type RpcHandler,
  RpcNode,
} from './rpc-node.js';

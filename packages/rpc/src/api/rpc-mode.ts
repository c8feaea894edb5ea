import * as modes from './constants/rpc-mode-values.js';

/**
 * Godot 3.2's `MultiplayerAPI.RPCMode`, with Godot's numbers. A module namespace (frozen,
 * `RpcMode.REMOTE` reads like an object member): bundlers replace each use by its number.
 */
export * as RpcMode from './constants/rpc-mode-values.js';

/** One of the numbers in {@link RpcMode}. */
export type RpcMode = (typeof modes)[keyof typeof modes];

/**
 * How a method or property may be called, by name: Godot 3's keywords (`remote`, `master`,
 * `puppet`, `remotesync`, `mastersync`, `puppetsync`, and the old `sync` / `slave`), or Godot 4's
 * readable aliases (`any_peer` = remote, `authority` = puppet: only the node's master may call it).
 * Add `callLocal: true` (Godot 4's `call_local`) to also run the call locally (the `*sync` modes).
 */
export type RpcModeName =
  | 'disabled'
  | 'remote'
  | 'master'
  | 'puppet'
  | 'remotesync'
  | 'mastersync'
  | 'puppetsync'
  | 'sync'
  | 'slave'
  | 'any_peer'
  | 'authority';

const BY_NAME: Record<RpcModeName, RpcMode> = {
  disabled: modes.DISABLED,
  remote: modes.REMOTE,
  master: modes.MASTER,
  puppet: modes.PUPPET,
  remotesync: modes.REMOTESYNC,
  mastersync: modes.MASTERSYNC,
  puppetsync: modes.PUPPETSYNC,
  sync: modes.REMOTESYNC,
  slave: modes.PUPPET,
  any_peer: modes.REMOTE,
  authority: modes.PUPPET,
};

/** The numeric mode of a name; `callLocal` turns a mode into its `*sync` variant. Throws for unknown names. */
export function parseRpcMode(name: RpcModeName, callLocal = false): RpcMode {
  const mode = BY_NAME[name];
  if (mode === undefined)
    throw new Error(`Unknown RPC mode "${String(name)}": use one of ${Object.keys(BY_NAME).join(', ')}`);
  // REMOTE, MASTER and PUPPET are 1..3; their *sync variants are 4..6, in the same order.
  return callLocal && mode >= modes.REMOTE && mode <= modes.PUPPET ? ((mode + 3) as RpcMode) : mode;
}

const NAMES = ['disabled', 'remote', 'master', 'puppet', 'remotesync', 'mastersync', 'puppetsync'] as const;

/** Godot 3's keyword of a numeric mode (`rpcModeName(RpcMode.PUPPET)` is `"puppet"`), for messages. */
export function rpcModeName(mode: number): string {
  return NAMES[mode] ?? `mode ${mode}`;
}

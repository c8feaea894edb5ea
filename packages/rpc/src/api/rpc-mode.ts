import * as M from './rpc-mode-values.js';

/** Godot 3.2's `MultiplayerAPI.RPCMode`, with Godot's numbers. */
export const RpcMode = {
  DISABLED: M.DISABLED,
  REMOTE: M.REMOTE,
  MASTER: M.MASTER,
  PUPPET: M.PUPPET,
  REMOTESYNC: M.REMOTESYNC,
  MASTERSYNC: M.MASTERSYNC,
  PUPPETSYNC: M.PUPPETSYNC,
} as const;

/** One of the numbers in {@link RpcMode}. */
export type RpcMode = (typeof RpcMode)[keyof typeof RpcMode];

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
  disabled: M.DISABLED,
  remote: M.REMOTE,
  master: M.MASTER,
  puppet: M.PUPPET,
  remotesync: M.REMOTESYNC,
  mastersync: M.MASTERSYNC,
  puppetsync: M.PUPPETSYNC,
  sync: M.REMOTESYNC,
  slave: M.PUPPET,
  any_peer: M.REMOTE,
  authority: M.PUPPET,
};

/** The numeric mode of a name; `callLocal` turns a mode into its `*sync` variant. Throws for unknown names. */
export function parseRpcMode(name: RpcModeName, callLocal = false): RpcMode {
  const mode = BY_NAME[name];
  if (mode === undefined)
    throw new Error(`Unknown RPC mode "${String(name)}": use one of ${Object.keys(BY_NAME).join(', ')}`);
  // REMOTE, MASTER and PUPPET are 1..3; their *sync variants are 4..6, in the same order.
  return callLocal && mode >= M.REMOTE && mode <= M.PUPPET ? ((mode + 3) as RpcMode) : mode;
}

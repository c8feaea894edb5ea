/** Godot 3.2's `MultiplayerAPI.RPCMode`, with Godot's numbers. */
export const RpcMode = {
  DISABLED: 0,
  REMOTE: 1,
  MASTER: 2,
  PUPPET: 3,
  REMOTESYNC: 4,
  MASTERSYNC: 5,
  PUPPETSYNC: 6,
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
  disabled: RpcMode.DISABLED,
  remote: RpcMode.REMOTE,
  master: RpcMode.MASTER,
  puppet: RpcMode.PUPPET,
  remotesync: RpcMode.REMOTESYNC,
  mastersync: RpcMode.MASTERSYNC,
  puppetsync: RpcMode.PUPPETSYNC,
  sync: RpcMode.REMOTESYNC,
  slave: RpcMode.PUPPET,
  any_peer: RpcMode.REMOTE,
  authority: RpcMode.PUPPET,
};

const WITH_LOCAL: Partial<Record<RpcMode, RpcMode>> = {
  [RpcMode.REMOTE]: RpcMode.REMOTESYNC,
  [RpcMode.MASTER]: RpcMode.MASTERSYNC,
  [RpcMode.PUPPET]: RpcMode.PUPPETSYNC,
};

/** The numeric mode of a name; `callLocal` turns a mode into its `*sync` variant. Throws for unknown names. */
export function parseRpcMode(name: RpcModeName, callLocal = false): RpcMode {
  const mode = BY_NAME[name];
  if (mode === undefined)
    throw new Error(`Unknown RPC mode "${String(name)}": use one of ${Object.keys(BY_NAME).join(', ')}`);
  return callLocal ? (WITH_LOCAL[mode] ?? mode) : mode;
}

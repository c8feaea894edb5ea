import { msg } from '@wspeer/core';
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

/** Godot 3's keywords in mode order (0..6), then the aliases, whose modes are {@link ALIAS_MODES}. */
const KEYWORDS = 'disabled remote master puppet remotesync mastersync puppetsync sync slave any_peer authority'.split(
  ' ',
);
const ALIAS_MODES = [modes.REMOTESYNC, modes.PUPPET, modes.REMOTE, modes.PUPPET];

/** The numeric mode of a name; `callLocal` turns a mode into its `*sync` variant. Throws for unknown names. */
export function parseRpcMode(name: RpcModeName, callLocal = false): RpcMode {
  const i = KEYWORDS.indexOf(name);
  if (i < 0) throw new Error(msg`Unknown RPC mode "${String(name)}": use one of ${KEYWORDS.join(', ')}`);
  const mode = (i < 7 ? i : ALIAS_MODES[i - 7]) as RpcMode;
  // REMOTE, MASTER and PUPPET are 1..3; their *sync variants are 4..6, in the same order.
  return callLocal && mode >= modes.REMOTE && mode <= modes.PUPPET ? ((mode + 3) as RpcMode) : mode;
}

/** Godot 3's keyword of a mode (`rpcModeName(RpcMode.PUPPET)` is `"puppet"`), for messages. */
export function rpcModeName(mode: RpcMode): string {
  return KEYWORDS[mode] as string;
}

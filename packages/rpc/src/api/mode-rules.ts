import { RpcMode } from './rpc-mode.js';

// Godot 3.2's mode rules (`scene/main/multiplayer_api.cpp`). The *sync modes (4..6) are REMOTE, MASTER
// and PUPPET (1..3) plus "also run locally", so both rules look at the base mode.

/**
 * Godot 3.2's `_can_call_mode`: may peer `sender` call a member with `mode` on a node whose
 * master is `master`, here where we are master when `isMaster`?
 */
export function canCallMode(mode: RpcMode, isMaster: boolean, sender: number, master: number): boolean {
  const base = mode > RpcMode.PUPPET ? mode - 3 : mode;
  return (
    base === RpcMode.REMOTE ||
    (base === RpcMode.MASTER ? isMaster : base === RpcMode.PUPPET && !isMaster && sender === master)
  );
}

/** {@link shouldCallLocal}'s bit: also run the call here (with the sender id set to our own id). */
export const CALL_LOCAL = 1;
/** {@link shouldCallLocal}'s bit: do not send it at all (a master call made by the master). */
export const SKIP_REMOTE = 2;

/** Godot 3.2's `_should_call_local`: what a local `rpc`/`rset` does besides sending, as {@link CALL_LOCAL} and {@link SKIP_REMOTE} bits. */
export function shouldCallLocal(mode: RpcMode, isMaster: boolean): number {
  const sync = mode > RpcMode.PUPPET;
  const base = sync ? mode - 3 : mode;
  const skip = base === RpcMode.MASTER && isMaster;
  const local = sync || skip || (base === RpcMode.PUPPET && !isMaster);
  return (local ? CALL_LOCAL : 0) | (skip ? SKIP_REMOTE : 0);
}

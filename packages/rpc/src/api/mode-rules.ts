import { RpcMode } from './rpc-mode.js';

/**
 * Godot 3.2's `_can_call_mode`: may peer `sender` call a member with `mode` on a node whose
 * master is `master`, here where we are master when `isMaster`?
 */
export function canCallMode(mode: RpcMode, isMaster: boolean, sender: number, master: number): boolean {
  switch (mode) {
    case RpcMode.REMOTE:
    case RpcMode.REMOTESYNC:
      return true;
    case RpcMode.MASTER:
    case RpcMode.MASTERSYNC:
      return isMaster;
    case RpcMode.PUPPET:
    case RpcMode.PUPPETSYNC:
      return !isMaster && sender === master;
  }
  return false;
}

/** What a local `rpc`/`rset` call does besides sending, as in Godot 3.2's `_should_call_local`. */
export interface LocalDecision {
  /** Also run the call here (with the sender id set to our own id). */
  callLocal: boolean;
  /** Do not send it at all (a master call made by the master). */
  skipRemote: boolean;
}

/** Godot 3.2's `_should_call_local`. */
export function shouldCallLocal(mode: RpcMode, isMaster: boolean): LocalDecision {
  switch (mode) {
    case RpcMode.MASTERSYNC:
      return { callLocal: true, skipRemote: isMaster };
    case RpcMode.REMOTESYNC:
    case RpcMode.PUPPETSYNC:
      return { callLocal: true, skipRemote: false };
    case RpcMode.MASTER:
      return { callLocal: isMaster, skipRemote: isMaster };
    case RpcMode.PUPPET:
      return { callLocal: !isMaster, skipRemote: false };
  }
  return { callLocal: false, skipRemote: false };
}

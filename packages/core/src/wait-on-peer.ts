import { ErrorCode } from './constants/error-code.js';
import { State } from './constants/state.js';
import { WAITS } from './internal-keys.js';
import { msg } from './msg.js';
import type { WaitOptions } from './wait-options.js';
import type { WaitTarget } from './wait-target.js';
import { WaiterList } from './waiter-list.js';
import { WebSocketError } from './websocket-error.js';
import type { WebSocketPeer } from './websocket-peer.js';

/**
 * A promise of what `check` finds in `target`'s peer (see `WaiterList`), checked now and after every
 * poll of the peer. A target without a peer (a client that never connected) rejects with `ERR_UNCONFIGURED`.
 */
export function waitOnPeer<T>(
  target: WaitTarget,
  what: string,
  options: WaitOptions | number,
  check: (peer: WebSocketPeer) => T | Error | undefined,
): Promise<T> {
  const peer = 'getPeer' in target ? target.getPeer(1) : target;
  if (peer === null) {
    return Promise.reject(
      new WebSocketError(ErrorCode.ERR_UNCONFIGURED, msg`ERR_UNCONFIGURED: no connection to wait for ${what}`),
    );
  }
  peer[WAITS] ??= new WaiterList();
  return peer[WAITS].wait(what, options, () => check(peer));
}

/**
 * Once `peer` is CLOSED (`undefined` before), why a wait failed: `ERR_CONNECTION_ERROR` for a
 * connection that had opened, `ERR_CANT_CONNECT` for a failed attempt, with the last transport error.
 */
export function closedError(peer: WebSocketPeer, what: string): WebSocketError | undefined {
  if (peer.readyState !== State.CLOSED) return undefined;
  const error = peer.lastErrorMessage;
  const detail = error && msg` (${error})`; // ('' when there is none)
  const code = peer.wasOpen ? ErrorCode.ERR_CONNECTION_ERROR : ErrorCode.ERR_CANT_CONNECT;
  const name = peer.wasOpen ? 'ERR_CONNECTION_ERROR' : 'ERR_CANT_CONNECT';
  return new WebSocketError(code, msg`${name}: ${what}${detail}`, peer.closeCode, peer.closeReason);
}

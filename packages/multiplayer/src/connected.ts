import { ConnectionStatus, ErrorCode, msg, WaiterList, type WaitOptions, WebSocketError } from '@wspeer/core';
import type { MultiplayerPeer } from './multiplayer-peer.js';

/** A waiter's check: the outcome it is settled with is its answer (`undefined` at the start: keep waiting). */
const outcome = <T>(value: T): T => value;

/** The pending `connected()` promises of each peer, with one pair of listeners per peer. */
const pending = new WeakMap<MultiplayerPeer, WaiterList<number | WebSocketError | undefined>>();

/**
 * Resolves with our id once `peer` (a `WebSocketMultiplayerPeer` client, or any `MultiplayerPeer`) is
 * connected: at once if it is. Rejects with a `WebSocketError` if the attempt fails (`connection_failed`;
 * the message says why when the runtime tells). Takes a timeout in ms or `{ timeoutMs, signal }` (the
 * signal's abort rejects with its reason). A function, not a method, so that bundles that never wait
 * carry none of it: `const id = await connected(client, 5000)`.
 */
export function connected(peer: MultiplayerPeer, options: WaitOptions | number = 0): Promise<number> {
  if (peer.getConnectionStatus() === ConnectionStatus.CONNECTION_CONNECTED) return Promise.resolve(peer.getUniqueId());
  let waits = pending.get(peer);
  if (waits === undefined) {
    const list = new WaiterList<number | WebSocketError | undefined>();
    pending.set(peer, list);
    peer.on('connection_succeeded', () => list.settle(peer.getUniqueId()));
    peer.on('connection_failed', () => {
      const reason = (peer.getPeer?.(1) as { lastErrorMessage?: string } | null | undefined)?.lastErrorMessage;
      const why = msg`ERR_CANT_CONNECT: connection failed${reason ? ` (${reason})` : ''}`;
      list.settle(new WebSocketError(ErrorCode.ERR_CANT_CONNECT, why));
    });
    waits = list;
  }
  return waits.wait(msg`an id`, options, outcome) as Promise<number>;
}

import type { CloseInfo } from './close-info.js';
import { State } from './constants/state.js';
import { msg } from './msg.js';
import { waitOnPeer } from './wait-on-peer.js';
import type { WaitOptions } from './wait-options.js';
import type { WaitTarget } from './wait-target.js';

/**
 * Resolves with the close code, reason and cleanliness once a poll sees `target`'s connection
 * `CLOSED`. Same `options` as {@link opened}: `await closed(peer, 5000)`.
 */
export function closed(target: WaitTarget, options: WaitOptions | number = 0): Promise<CloseInfo> {
  return waitOnPeer(target, msg`the connection to close`, options, (peer) => {
    if (peer.readyState !== State.CLOSED) return undefined;
    const code = peer.closeCode;
    return { code, reason: peer.closeReason, wasClean: code !== -1 };
  });
}

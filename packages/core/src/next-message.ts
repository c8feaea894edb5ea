import { msg } from './msg.js';
import { closedError, waitOnPeer } from './wait-on-peer.js';
import type { WaitOptions } from './wait-options.js';
import type { WaitTarget } from './wait-target.js';

/**
 * Resolves with `target`'s next message (what `getMessage()` returns: text frames as a `string`);
 * rejects if the connection closes first. Same `options` as {@link opened}:
 * `await nextMessage(peer, 5000)`.
 */
export function nextMessage(target: WaitTarget, options: WaitOptions | number = 0): Promise<Uint8Array | string> {
  return waitOnPeer<Uint8Array | string>(target, msg`a message`, options, (peer) =>
    peer.getAvailablePacketCount() > 0
      ? (peer.getMessage() as Uint8Array | string)
      : closedError(peer, msg`connection closed before a message arrived`),
  );
}

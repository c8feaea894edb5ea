import { State } from './constants/state.js';
import { msg } from './msg.js';
import { closedError, waitOnPeer } from './wait-on-peer.js';
import type { WaitOptions } from './wait-options.js';
import type { WaitTarget } from './wait-target.js';

/**
 * Resolves with the selected protocol once a poll sees `target`'s connection `OPEN`; rejects with a
 * `WebSocketError` if it closes first (its message says why, e.g. the server's refusal in Node).
 * `options`: a timeout in ms, or `{ timeoutMs, signal }` with an `AbortSignal`. Needs polling or
 * `autoPoll`. A function, not a method, so that bundles that never wait carry none of it:
 * `await opened(peer, 5000)`.
 */
export function opened(target: WaitTarget, options: WaitOptions | number = 0): Promise<string> {
  return waitOnPeer<string>(target, msg`the connection to open`, options, (peer) =>
    peer.readyState === State.OPEN ? peer.selectedProtocol : closedError(peer, msg`connection failed`),
  );
}

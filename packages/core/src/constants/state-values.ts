/** The values of `State`, one export each so bundlers inline the numbers. Import `State` from `state.ts`. */

/** `0`: the handshake is in progress. */
export const CONNECTING = 0;
/** `1`: open; messages flow. */
export const OPEN = 1;
/** `2`: a close frame was sent; waiting for the other side's. */
export const CLOSING = 2;
/** `3`: closed, or never connected. */
export const CLOSED = 3;

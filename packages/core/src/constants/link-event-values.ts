/** The kinds of `LinkEvent`, one export each so bundlers inline the numbers. */

/** The handshake finished. */
export const OPEN = 0;
/** The transport reported an error. */
export const ERROR = 1;
/** The connection closed. */
export const CLOSE = 2;
/** The peer dropped the connection itself (`close(-1)`, heartbeat timeout). */
export const DROPPED = 3;

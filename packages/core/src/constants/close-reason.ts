import type * as values from './close-reason-values.js';

/**
 * The reasons wspeer itself gives when it ends a connection, so that causes are data rather than a
 * bare 1006: compare `peer.closeReason` against these. A module namespace: bundlers inline each use.
 */
export * as CloseReason from './close-reason-values.js';

/** One of the strings in {@link CloseReason}. */
export type CloseReason = (typeof values)[keyof typeof values];

/**
 * The values of `ConnectionStatus`, one export each so bundlers inline the numbers. Import
 * `ConnectionStatus` from `connection-status.ts`.
 */

/** `0`: not connected. */
export const CONNECTION_DISCONNECTED = 0;
/** `1`: connecting (client: handshake or waiting for an id). */
export const CONNECTION_CONNECTING = 1;
/** `2`: connected (server: listening). */
export const CONNECTION_CONNECTED = 2;

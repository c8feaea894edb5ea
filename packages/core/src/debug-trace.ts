/** What a {@link DebugTrace} reads of a connection to name it in a line. */
export interface TracedPeer {
  /** The id a server gave this connection (0 for a client's own connection). */
  readonly peerId: number;
  /** The URL connected to (client) or requested (server side). */
  readonly requestedUrl: string;
}

/**
 * Where a peer or server reports what happens to it, for debugging: connection events, frames and
 * refusals. Off unless given (the `debug` option); `debugLogger()` makes one that prints lines,
 * and in Node `WSPEER_DEBUG=1` turns one on for every peer. An interface, so a bundle that never
 * uses the logger carries none of its code.
 */
export interface DebugTrace {
  /** A client starts connecting to `url`. */
  connecting(peer: TracedPeer, url: string): void;
  /** The handshake finished with `protocol`. */
  opened(peer: TracedPeer, protocol: string): void;
  /** The transport reported an error. */
  error(peer: TracedPeer, message: string): void;
  /** The connection ended (`code` -1: without a close handshake). */
  closed(peer: TracedPeer, code: number, reason: string, wasClean: boolean): void;
  /** A frame arrived (`inbound`) or was queued for sending. */
  frame(peer: TracedPeer, inbound: boolean, data: Uint8Array | string, isText: boolean, size: number): void;
  /** A server refused an upgrade request for `url` with an HTTP `status`. */
  refused(url: string, status: number, reason: string): void;
  /** A server is listening on `port` (`""` message), or could not listen (`message` says why). */
  listen(port: number, message: string): void;
}

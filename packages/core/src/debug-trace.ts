import type { Transport, TransportEvents } from './transport.js';

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
 * and in Node `WSPEER_DEBUG=1` turns one on for every peer. It sits between a peer and its
 * transport (it wraps the transport's events and the transport), so a peer without it runs no
 * tracing code and a bundle that never uses the logger carries none of it.
 */
export interface DebugTrace {
  /** A connection of `peer` starts (connecting, or accepted by a server): wraps what its transport reports. */
  events(peer: TracedPeer, events: TransportEvents): TransportEvents;
  /** Wraps the transport of that connection (frames sent, closes, drops). */
  transport(peer: TracedPeer, transport: Transport): Transport;
  /** A server refused an upgrade request for `url` with an HTTP `status`. */
  refused(url: string, status: number, reason: string): void;
  /** A server is listening on `port` (`""` message), or could not listen (`message` says why). */
  listen(port: number, message: string): void;
}

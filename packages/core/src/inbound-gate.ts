import type { WebSocketPeer } from './websocket-peer.js';

/**
 * What a server attaches to each of its peers: the traffic counters and the per-sender limits.
 * The peer calls it for every message; the server-only implementation (`SenderGate`) stays out of
 * client bundles.
 */
export interface InboundGate {
  /**
   * A message of `size` bytes arrived while `queued` bytes wait to be read: true to take it, false
   * to discard it (the gate counted the drop or cut the peer).
   */
  admit(peer: WebSocketPeer, size: number, queued: number): boolean;
  /** A message of `size` bytes was queued for sending; `backlog` bytes wait to be written in all. */
  sent(size: number, backlog: number): void;
  /**
   * A message of `size` bytes arrived after the connection was closed or cut locally and was
   * discarded; it still counts against the sender's rate limits (reading pauses past them).
   */
  discarded(peer: WebSocketPeer, size: number): void;
}

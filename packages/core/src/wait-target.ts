import type { WebSocketPeer } from './websocket-peer.js';

/** Anything with one connection to a server behind `getPeer(1)`: Godot 3's `WebSocketClient`, a `WebSocketMultiplayerPeer` client. */
export interface PeerHolder {
  /** The connection to peer `id` (1: the server), or `null` when there is none. */
  getPeer(id: number): WebSocketPeer | null;
}

/** What `opened`, `closed` and `nextMessage` wait on: a `WebSocketPeer`, or the one connection of a {@link PeerHolder}. */
export type WaitTarget = WebSocketPeer | PeerHolder;

import type { ConnectionStatus, ErrorCode, WebSocketPeer } from 'wspeer';

/** How a link tells its session about the connection. */
export interface GameLinkEvents {
  /** The host gave us our peer id. */
  connected(): void;
  /** The connection failed or closed; `why` is shown. */
  ended(why: string): void;
  /** The connection dropped; attempt `attempt` to resume it is under way. */
  reconnecting(attempt: number): void;
  /** The connection is back: same peer id, nothing lost. */
  reconnected(): void;
  /** A packet from `from` was refused. */
  refused(from: number, reason: string): void;
}

/** One player's connection to the dice game over one wire (Godot 3 or Godot 4). */
export interface GameLink {
  /** Connects to the game at `url` (subprotocol `ludus`). */
  start(url: string): ErrorCode;
  /** Our peer id (0 before the host gave it). */
  uniqueId(): number;
  /** The multiplayer connection status. */
  connectionStatus(): ConnectionStatus;
  /** The socket to the host, for the status bar (null before connecting). */
  hostPeer(): WebSocketPeer | null;
  /** `request_action(action)` to the host. */
  requestAction(action: string): ErrorCode;
  /** Applies what arrived (the host's calls run from here). */
  poll(): void;
  /** Leaves the game (close 1000). */
  leave(): void;
  /** Forgets every listener (the session made a new link). */
  dispose(): void;
}

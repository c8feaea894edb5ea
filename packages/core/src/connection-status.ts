/** Godot's `MultiplayerPeer.ConnectionStatus`. */
export const ConnectionStatus = {
  CONNECTION_DISCONNECTED: 0,
  CONNECTION_CONNECTING: 1,
  CONNECTION_CONNECTED: 2,
} as const;

/** One of the numbers in {@link ConnectionStatus}. */
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

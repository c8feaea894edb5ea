/** `setTargetPeer` value that sends to every peer. */
export const TARGET_PEER_BROADCAST = 0;

/** `setTargetPeer` value (and unique id) of the server. */
export const TARGET_PEER_SERVER = 1;

/**
 * Godot's `MultiplayerPeer.TransferMode`. Accepted and reported for compatibility; over WebSocket
 * every packet travels reliable and ordered.
 */
export const TransferMode = {
  UNRELIABLE: 0,
  UNRELIABLE_ORDERED: 1,
  RELIABLE: 2,
} as const;

/** One of the numbers in {@link TransferMode}. */
export type TransferMode = (typeof TransferMode)[keyof typeof TransferMode];

/**
 * Multiplayer wire formats: `godot3` frames every message with Godot 3.2's 9-byte header (type,
 * from, to) and relays client to client; `godot4` sends the 4-byte id once, then bare packets.
 */
export type Wire = 'godot3' | 'godot4';

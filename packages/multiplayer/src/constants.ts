import type * as values from './constants/transfer-mode-values.js';

/** `setTargetPeer` value that sends to every peer. */
export const TARGET_PEER_BROADCAST = 0;

/** `setTargetPeer` value (and unique id) of the server. */
export const TARGET_PEER_SERVER = 1;

/**
 * Godot's `MultiplayerPeer.TransferMode`. Accepted and reported for compatibility; over WebSocket
 * every packet travels reliable and ordered. A module namespace (frozen, `TransferMode.RELIABLE`
 * reads like an object member): bundlers replace each use by its number.
 */
export * as TransferMode from './constants/transfer-mode-values.js';

/** One of the numbers in {@link TransferMode}. */
export type TransferMode = (typeof values)[keyof typeof values];

/**
 * Multiplayer wire formats: `godot3` frames every message with Godot 3.2's 9-byte header (type,
 * from, to) and relays client to client; `godot4` sends the 4-byte id once, then bare packets.
 */
export type Wire = 'godot3' | 'godot4';

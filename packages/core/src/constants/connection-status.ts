import type * as values from './connection-status-values.js';

/** Godot's `MultiplayerPeer.ConnectionStatus`. A module namespace: bundlers inline each use. */
export * as ConnectionStatus from './connection-status-values.js';

/** One of the numbers in {@link ConnectionStatus}. */
export type ConnectionStatus = (typeof values)[keyof typeof values];

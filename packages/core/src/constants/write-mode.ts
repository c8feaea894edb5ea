import type * as values from './write-mode-values.js';

/** How `putPacket` frames a message, with Godot's numbers (`WebSocketPeer.WriteMode`). A module namespace. */
export * as WriteMode from './write-mode-values.js';

/** One of the numbers in {@link WriteMode}. */
export type WriteMode = (typeof values)[keyof typeof values];

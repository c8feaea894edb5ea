import type * as values from './state-values.js';

/** A WebSocket's ready state, with Godot 4's numbers (`WebSocketPeer.State`). A module namespace. */
export * as State from './state-values.js';

/** One of the numbers in {@link State}. */
export type State = (typeof values)[keyof typeof values];

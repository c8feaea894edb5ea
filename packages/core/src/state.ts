/** A WebSocket's ready state, with Godot 4's numbers (`WebSocketPeer.State`). */
export const State = {
  CONNECTING: 0,
  OPEN: 1,
  CLOSING: 2,
  CLOSED: 3,
} as const;

/** One of the numbers in {@link State}. */
export type State = (typeof State)[keyof typeof State];

/** How `putPacket` frames a message, with Godot's numbers (`WebSocketPeer.WriteMode`). */
export const WriteMode = {
  TEXT: 0,
  BINARY: 1,
} as const;

/** One of the numbers in {@link WriteMode}. */
export type WriteMode = (typeof WriteMode)[keyof typeof WriteMode];

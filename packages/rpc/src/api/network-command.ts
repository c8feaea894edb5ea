/** First byte of every Godot 3.2 MultiplayerAPI packet. */
export const NetworkCommand = {
  REMOTE_CALL: 0,
  REMOTE_SET: 1,
  SIMPLIFY_PATH: 2,
  CONFIRM_PATH: 3,
  RAW: 4,
} as const;

/** Bit 31 of a call's target: the low bits are the byte offset of the full node path. */
export const FULL_PATH_FLAG = 0x80000000;

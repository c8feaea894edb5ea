import * as C from './network-command-values.js';

/** First byte of every Godot 3.2 MultiplayerAPI packet. */
export const NetworkCommand = {
  REMOTE_CALL: C.REMOTE_CALL,
  REMOTE_SET: C.REMOTE_SET,
  SIMPLIFY_PATH: C.SIMPLIFY_PATH,
  CONFIRM_PATH: C.CONFIRM_PATH,
  RAW: C.RAW,
} as const;

/** Bit 31 of a call's target: the low bits are the byte offset of the full node path. */
export const FULL_PATH_FLAG = 0x80000000;

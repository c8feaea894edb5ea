import type * as values from './constants/network-command-values.js';

/**
 * First byte of every Godot 3.2 MultiplayerAPI packet. A module namespace (frozen,
 * `NetworkCommand.RAW` reads like an object member): bundlers replace each use by its number.
 */
export * as NetworkCommand from './constants/network-command-values.js';

/** One of the numbers in {@link NetworkCommand}. */
export type NetworkCommand = (typeof values)[keyof typeof values];

/** Bit 31 of a call's target: the low bits are the byte offset of the full node path. */
export const FULL_PATH_FLAG = 0x80000000;

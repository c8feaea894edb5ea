import type * as commands from './constants/scene-command-values.js';
import type * as sysCommands from './constants/sys-command-values.js';

/**
 * Godot 4 SceneMultiplayer's packet commands (the low three bits of a packet's first byte). A module
 * namespace (frozen, `SceneCommand.RAW` reads like an object member): bundlers inline the numbers.
 */
export * as SceneCommand from './constants/scene-command-values.js';

/** One of the numbers in {@link SceneCommand}. */
export type SceneCommand = (typeof commands)[keyof typeof commands];

/** The second byte of a SYS packet. A module namespace, like {@link SceneCommand}. */
export * as SysCommand from './constants/sys-command-values.js';

/** One of the numbers in {@link SysCommand}. */
export type SysCommand = (typeof sysCommands)[keyof typeof sysCommands];

/** Mask of the command in a packet's first byte (`SceneMultiplayer::CMD_MASK`); the upper bits are flags. */
export const CMD_MASK = 7;

/** Size of a SYS packet with its int32 argument: command, sys command, int32 (`SYS_CMD_SIZE`). */
export const SYS_CMD_SIZE = 6;

/**
 * The values of `TransferMode`: one export per mode, so bundlers inline the numbers. Import
 * `TransferMode` from `constants.ts`, not this module.
 */

/** `0`: Godot's unreliable mode (sent reliably over WebSocket). */
export const UNRELIABLE = 0;
/** `1`: Godot's unreliable ordered mode (sent reliably over WebSocket). */
export const UNRELIABLE_ORDERED = 1;
/** `2`: Reliable and ordered: what WebSocket always does. */
export const RELIABLE = 2;

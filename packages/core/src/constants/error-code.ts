import * as values from './error-code-values.js';

/**
 * Godot's `Error` codes, with Godot's names and numbers, for the conditions a network peer can meet.
 * Synchronous Godot-shaped methods return one of these instead of throwing. A module namespace
 * (frozen, `ErrorCode.OK` reads like an object member): bundlers replace each use by its number.
 */
export * as ErrorCode from './error-code-values.js';

/** One of the numbers in {@link ErrorCode}. */
export type ErrorCode = (typeof values)[keyof typeof values];

let names: Map<number, string> | undefined;

/** Godot's name of an error code (`errorName(6)` is `"ERR_OUT_OF_MEMORY"`), or `"ERR_<n>"` if unknown. */
export function errorName(code: number): string {
  names ??= new Map(Object.entries(values).map(([name, value]) => [value, name]));
  return names.get(code) ?? `ERR_${code}`;
}

/**
 * Godot's `Error` codes, with Godot's names and numbers, for the conditions a network peer can meet.
 * Synchronous Godot-shaped methods return one of these instead of throwing.
 */
export const ErrorCode = {
  OK: 0,
  FAILED: 1,
  ERR_UNAVAILABLE: 2,
  ERR_UNCONFIGURED: 3,
  ERR_UNAUTHORIZED: 4,
  ERR_PARAMETER_RANGE_ERROR: 5,
  ERR_OUT_OF_MEMORY: 6,
  ERR_CANT_OPEN: 19,
  ERR_CANT_CREATE: 20,
  ERR_ALREADY_IN_USE: 22,
  ERR_LOCKED: 23,
  ERR_TIMEOUT: 24,
  ERR_CANT_CONNECT: 25,
  ERR_CANT_RESOLVE: 26,
  ERR_CONNECTION_ERROR: 27,
  ERR_INVALID_DATA: 30,
  ERR_INVALID_PARAMETER: 31,
  ERR_ALREADY_EXISTS: 32,
  ERR_DOES_NOT_EXIST: 33,
  ERR_METHOD_NOT_FOUND: 37,
  ERR_BUSY: 44,
  ERR_BUG: 47,
} as const;

/** One of the numbers in {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const names = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

/** Godot's name of an error code (`errorName(6)` is `"ERR_OUT_OF_MEMORY"`), or `"ERR_<n>"` if unknown. */
export function errorName(code: number): string {
  return names.get(code) ?? `ERR_${code}`;
}

import type { ErrorCode } from '@wspeer/core';

/**
 * Thrown when a value cannot be encoded as a Godot Variant (a function, a symbol, an unknown class
 * instance, a cyclic or too deeply nested structure, an integer `number` beyond 2^53, ...).
 * Decoding never throws: it reports `ErrorCode.ERR_INVALID_DATA` instead.
 */
export class VariantError extends Error {
  /** The Godot error code for this failure (`ERR_INVALID_PARAMETER` for values that cannot be encoded). */
  declare readonly code: ErrorCode;

  /** An error with a message saying what was wrong and a Godot error code. */
  constructor(message: string, code: ErrorCode) {
    super(message);
    this.code = code;
    this.name = 'VariantError';
  }
}

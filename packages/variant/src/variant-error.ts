import type { ErrorCode } from '@wspeer/core';

/**
 * Thrown when a value cannot be encoded as a Godot Variant (a function, a symbol, an unknown class
 * instance, a cyclic or too deeply nested structure, an integer `number` beyond 2^53, ...).
 * Decoding never throws: it reports `ErrorCode.ERR_INVALID_DATA` instead.
 */
export class VariantError extends Error {
  /** The Godot error code for this failure (`ERR_INVALID_PARAMETER` for values that cannot be encoded). */
  declare readonly code: ErrorCode;
  /**
   * For an instance of a class the codec has no type for: that class's name (`''` for a class without one),
   * so a caller can say how to opt in to it without reading the message, which production builds shorten to a
   * code.
   */
  declare readonly className?: string;

  /** An error with a message saying what was wrong, a Godot error code and, maybe, the unencodable class. */
  constructor(message: string, code: ErrorCode, className?: string) {
    super(message);
    this.code = code;
    this.name = 'VariantError';
    if (className !== undefined) this.className = className;
  }
}

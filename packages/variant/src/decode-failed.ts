/**
 * Returned by `readVariant` (and the per-type readers) instead of a value when the bytes are not
 * a valid Variant. A symbol, so it can never be mistaken for a decoded value.
 */
export const DECODE_FAILED: unique symbol = Symbol('DECODE_FAILED');

/** The type of {@link DECODE_FAILED}. */
export type DecodeFailed = typeof DECODE_FAILED;

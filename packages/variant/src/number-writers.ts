import { ErrorCode, msg } from '@wspeer/core';
import type { ByteWriter } from './byte-writer.js';
import { VariantError } from './variant-error.js';
import * as T from './variant-type-values.js';

const INT64 = T.INT | T.ENCODE_FLAG_64;
const REAL64 = T.REAL | T.ENCODE_FLAG_64;

/**
 * Writes a JS number as Godot would: INT when integral (`-0` is INT 0), else REAL. Integral numbers
 * beyond 2^53 are refused: they may already have lost precision.
 */
export function writeNumber(w: ByteWriter, value: number): void {
  if (Number.isSafeInteger(value)) writeInt(w, value);
  else if (Number.isInteger(value)) {
    throw new VariantError(
      msg`${value} is beyond 2^53: use a bigint (INT) or a Real (REAL)`,
      ErrorCode.ERR_INVALID_PARAMETER,
    );
  } else writeReal(w, value);
}

/**
 * Writes a REAL as Godot's `encode_variant` does: float32 when `(double)(float)v == v`, else float64.
 * So 0.5, 3 and ±Infinity go as float32, 0.1 as float64, and NaN (never equal to itself) as float64.
 */
export function writeReal(w: ByteWriter, value: number): void {
  if (Math.fround(value) === value) {
    w.u32(T.REAL);
    w.f32(value);
  } else {
    w.u32(REAL64);
    w.f64(value);
  }
}

/** Writes a bigint as INT: int32 when it fits, else int64; refuses one beyond int64. */
export function writeBigInt(w: ByteWriter, value: bigint): void {
  if (BigInt.asIntN(64, value) !== value) {
    throw new VariantError(msg`${value}n is beyond int64`, ErrorCode.ERR_INVALID_PARAMETER);
  }
  writeInt(w, value);
}

/**
 * Writes an INT (a safe integer or an int64 bigint): int32 when it fits, else int64 (flag bit 16).
 * `Number(value)` is exact whenever it is an int32.
 */
function writeInt(w: ByteWriter, value: number | bigint): void {
  const n = Number(value);
  if (n === (n | 0)) {
    w.u32(T.INT);
    w.i32(n);
  } else {
    w.u32(INT64);
    w.i64(value);
  }
}

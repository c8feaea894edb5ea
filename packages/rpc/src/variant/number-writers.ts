import { ErrorCode } from '@wspeer/core';
import type { ByteWriter } from './byte-writer.js';
import { VariantError } from './variant-error.js';
import { ENCODE_FLAG_64, VariantType } from './variant-type.js';

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const INT64 = VariantType.INT | ENCODE_FLAG_64;
const REAL64 = VariantType.REAL | ENCODE_FLAG_64;

/** Writes a JS number as Godot would: INT when integral (`-0` is INT 0), else REAL. */
export function writeNumber(w: ByteWriter, value: number): void {
  if (Number.isInteger(value)) writeInteger(w, value);
  else writeReal(w, value);
}

/** Writes an INT: int32 when the value fits, else int64 (flag bit 16). Only safe integers are accepted. */
export function writeInteger(w: ByteWriter, value: number): void {
  if (value >= INT32_MIN && value <= INT32_MAX) {
    w.u32(VariantType.INT);
    w.i32(value);
  } else if (Number.isSafeInteger(value)) {
    w.u32(INT64);
    w.i64(value);
  } else {
    throw new VariantError(
      `${value} is an integer beyond 2^53 and may already have lost precision: pass a bigint for INT, or new Real(value) for REAL`,
      ErrorCode.ERR_INVALID_PARAMETER,
    );
  }
}

/**
 * Writes a REAL as Godot's `encode_variant` does: float32 when `(double)(float)v == v`, else float64.
 * So 0.5, 3 and ±Infinity go as float32, 0.1 as float64, and NaN (never equal to itself) as float64.
 */
export function writeReal(w: ByteWriter, value: number): void {
  if (Math.fround(value) === value) {
    w.u32(VariantType.REAL);
    w.f32(value);
  } else {
    w.u32(REAL64);
    w.f64(value);
  }
}

/** Writes a bigint as INT: int32 when it fits, else int64. */
export function writeBigInt(w: ByteWriter, value: bigint): void {
  if (value >= -0x80000000n && value <= 0x7fffffffn) {
    w.u32(VariantType.INT);
    w.i32(Number(value));
  } else if (BigInt.asIntN(64, value) === value) {
    w.u32(INT64);
    w.i64(value);
  } else {
    throw new VariantError(`${value}n does not fit in Godot's int64`, ErrorCode.ERR_INVALID_PARAMETER);
  }
}

import { ErrorCode } from '@wspeer/core';
import type { ByteWriter } from './byte-writer.js';
import { VariantError } from './variant-error.js';
import * as T from './variant-type-values.js';

const INT64 = T.INT | T.ENCODE_FLAG_64;
const REAL64 = T.REAL | T.ENCODE_FLAG_64;

/** Writes a JS number as Godot would: INT when integral (`-0` is INT 0), else REAL. */
export function writeNumber(w: ByteWriter, value: number): void {
  if (Number.isInteger(value)) writeInteger(w, value);
  else writeReal(w, value);
}

/** Writes an INT: int32 when the value fits, else int64 (flag bit 16). Only safe integers are accepted. */
export function writeInteger(w: ByteWriter, value: number): void {
  if (value === (value | 0)) {
    writeInt32(w, value);
  } else if (Number.isSafeInteger(value)) {
    writeInt64(w, value);
  } else {
    throw new VariantError(
      `${value} is beyond 2^53: use a bigint (INT) or a Real (REAL)`,
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
    w.u32(T.REAL);
    w.f32(value);
  } else {
    w.u32(REAL64);
    w.f64(value);
  }
}

/** Writes a bigint as INT: int32 when it fits, else int64. */
export function writeBigInt(w: ByteWriter, value: bigint): void {
  if (value === BigInt.asIntN(32, value)) {
    writeInt32(w, Number(value));
  } else if (value === BigInt.asIntN(64, value)) {
    writeInt64(w, value);
  } else {
    throw new VariantError(`${value}n is beyond int64`, ErrorCode.ERR_INVALID_PARAMETER);
  }
}

function writeInt32(w: ByteWriter, value: number): void {
  w.u32(T.INT);
  w.i32(value);
}

function writeInt64(w: ByteWriter, value: number | bigint): void {
  w.u32(INT64);
  w.i64(value);
}

import type { ByteReader } from './byte-reader.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import * as T from './variant-type-values.js';

// Body readers of the types Godot 3 and 4 number alike. The caller has checked the minimum body size.

/** NIL: no body. */
export const readNil = (): null => null;

/** BOOL: a uint32, any nonzero word is true. */
export const readBool = (r: ByteReader): boolean => r.u32() !== 0;

/** INT (int32, or int64 with `ENCODE_FLAG_64`) and REAL/FLOAT (float32, or float64 with the flag). */
export function readNumber(r: ByteReader, header: number): number | bigint | DecodeFailed {
  const int = (header & 0xff) === T.INT;
  if ((header & T.ENCODE_FLAG_64) === 0) return int ? r.i32() : r.f32();
  return r.remaining < 8 ? DECODE_FAILED : int ? r.i64() : r.f64();
}

import type { ByteReader } from './byte-reader.js';
import type { Color } from './color.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { LITTLE_ENDIAN_HOST } from './little-endian-host.js';
import { readColor, readVector2, readVector3 } from './math-readers.js';
import { pad4 } from './pad4.js';
import { PoolColorArray } from './pool-color-array.js';
import { PoolVector2Array } from './pool-vector2-array.js';
import { PoolVector3Array } from './pool-vector3-array.js';
import type { Vector2 } from './vector2.js';
import type { Vector3 } from './vector3.js';

/** A typed array class the pool types decode to. */
type TypedArrayClass = typeof Uint8Array | typeof Int32Array | typeof Float32Array;

/**
 * Reads a POOL_BYTE_ARRAY (`size` 1), POOL_INT_ARRAY or POOL_REAL_ARRAY (`size` 4) body into a fresh
 * typed array (a copy: it never aliases the packet). Like Godot, the zero padding after the bytes of a
 * byte array may be cut off by the end of the input.
 */
export function readTypedArray(
  r: ByteReader,
  size: number,
  type: TypedArrayClass,
): Uint8Array | Int32Array | Float32Array | DecodeFailed {
  const count = readCount(r, size);
  if (count < 0) return DECODE_FAILED;
  const bytes = r.copyBytes(count * size);
  r.skip(pad4(bytes.length));
  if (size === 1) return bytes;
  if (!LITTLE_ENDIAN_HOST) for (let i = 0; i < bytes.length; i += 4) bytes.subarray(i, i + 4).reverse();
  return new type(bytes.buffer as ArrayBuffer);
}

// The pools of math values: a count, then each item's float32. One loop per type keeps each loop's
// item reader monomorphic (a shared loop with a reader parameter decodes much slower).

/** Reads a POOL_VECTOR2_ARRAY body. */
export function readPoolVector2Array(r: ByteReader): PoolVector2Array | DecodeFailed {
  const count = readCount(r, 8);
  const values: Vector2[] = [];
  for (let i = 0; i < count; i++) values.push(readVector2(r));
  return count < 0 ? DECODE_FAILED : new PoolVector2Array(values);
}

/** Reads a POOL_VECTOR3_ARRAY body. */
export function readPoolVector3Array(r: ByteReader): PoolVector3Array | DecodeFailed {
  const count = readCount(r, 12);
  const values: Vector3[] = [];
  for (let i = 0; i < count; i++) values.push(readVector3(r));
  return count < 0 ? DECODE_FAILED : new PoolVector3Array(values);
}

/** Reads a POOL_COLOR_ARRAY body. */
export function readPoolColorArray(r: ByteReader): PoolColorArray | DecodeFailed {
  const count = readCount(r, 16);
  const values: Color[] = [];
  for (let i = 0; i < count; i++) values.push(readColor(r));
  return count < 0 ? DECODE_FAILED : new PoolColorArray(values);
}

/** Reads an element count and checks the elements fit in what remains; -1 when they cannot. */
function readCount(r: ByteReader, itemSize: number): number {
  const count = r.u32();
  return count * itemSize > r.remaining ? -1 : count;
}

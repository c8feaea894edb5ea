import type { ByteWriter } from './byte-writer.js';
import { LITTLE_ENDIAN_HOST } from './little-endian-host.js';
import { writeColorBody, writeVector2Body, writeVector3Body } from './math-writers.js';
import { pad4 } from './pad4.js';
import type { PoolColorArray } from './pool-color-array.js';
import type { PoolVector2Array } from './pool-vector2-array.js';
import type { PoolVector3Array } from './pool-vector3-array.js';

/**
 * Writes a POOL_BYTE_ARRAY, POOL_INT_ARRAY or POOL_REAL_ARRAY body: the element count, then the
 * bytes (and zero padding to 4) or an int32 or float32 each, little-endian.
 */
export function writeTypedArrayBody(w: ByteWriter, data: Uint8Array | Int32Array | Float32Array): void {
  w.u32(data.length);
  if (data instanceof Uint8Array) {
    w.bytes(data);
    w.zeros(pad4(data.length));
  } else {
    w.bytes(littleEndianBytes(data));
  }
}

/** The bytes of 4-byte elements in little-endian order: a view on them, or a swapped copy on big-endian hosts. */
function littleEndianBytes(data: Int32Array | Float32Array): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (LITTLE_ENDIAN_HOST) return bytes;
  const copy = bytes.slice();
  for (let i = 0; i < copy.length; i += 4) copy.subarray(i, i + 4).reverse();
  return copy;
}

// The pools of math values: the item count, then each item's float32. One loop per type keeps each
// loop's item writer monomorphic (a shared loop with a writer parameter encodes much slower).

/** Writes a POOL_VECTOR2_ARRAY body. */
export function writePoolVector2ArrayBody(w: ByteWriter, array: PoolVector2Array): void {
  w.u32(array.values.length);
  w.reserve(array.values.length * 8);
  for (const v of array.values) writeVector2Body(w, v);
}

/** Writes a POOL_VECTOR3_ARRAY body. */
export function writePoolVector3ArrayBody(w: ByteWriter, array: PoolVector3Array): void {
  w.u32(array.values.length);
  w.reserve(array.values.length * 12);
  for (const v of array.values) writeVector3Body(w, v);
}

/** Writes a POOL_COLOR_ARRAY body. */
export function writePoolColorArrayBody(w: ByteWriter, array: PoolColorArray): void {
  w.u32(array.values.length);
  w.reserve(array.values.length * 16);
  for (const c of array.values) writeColorBody(w, c);
}

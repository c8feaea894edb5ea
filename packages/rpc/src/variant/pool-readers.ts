import type { ByteReader } from './byte-reader.js';
import type { Color } from './color.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { LITTLE_ENDIAN_HOST } from './little-endian-host.js';
import { readColorBody, readVector2Body, readVector3Body } from './math-readers.js';
import { pad4 } from './pad4.js';
import { PoolColorArray } from './pool-color-array.js';
import { PoolVector2Array } from './pool-vector2-array.js';
import { PoolVector3Array } from './pool-vector3-array.js';
import type { Vector2 } from './vector2.js';
import type { Vector3 } from './vector3.js';

/**
 * Reads a POOL_BYTE_ARRAY body into a fresh `Uint8Array` (a copy: it never aliases the packet).
 * Like Godot, the zero padding after the bytes may be cut off by the end of the input.
 */
export function readPoolByteArray(r: ByteReader): Uint8Array | DecodeFailed {
  const count = readCount(r, 1);
  if (count < 0) return DECODE_FAILED;
  const data = r.copyBytes(count);
  r.skip(pad4(count));
  return data;
}

/** Reads a POOL_INT_ARRAY body into a fresh `Int32Array`. */
export function readPoolIntArray(r: ByteReader): Int32Array | DecodeFailed {
  const count = readCount(r, 4);
  if (count < 0) return DECODE_FAILED;
  if (LITTLE_ENDIAN_HOST) return new Int32Array(r.copyBytes(count * 4).buffer);
  const data = new Int32Array(count);
  for (let i = 0; i < count; i++) data[i] = r.i32();
  return data;
}

/** Reads a POOL_REAL_ARRAY body into a fresh `Float32Array`. */
export function readPoolRealArray(r: ByteReader): Float32Array | DecodeFailed {
  const count = readCount(r, 4);
  if (count < 0) return DECODE_FAILED;
  if (LITTLE_ENDIAN_HOST) return new Float32Array(r.copyBytes(count * 4).buffer);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = r.f32();
  return data;
}

/** Reads a POOL_VECTOR2_ARRAY body. */
export function readPoolVector2Array(r: ByteReader): PoolVector2Array | DecodeFailed {
  const count = readCount(r, 8);
  if (count < 0) return DECODE_FAILED;
  const values: Vector2[] = [];
  for (let i = 0; i < count; i++) values.push(readVector2Body(r));
  return new PoolVector2Array(values);
}

/** Reads a POOL_VECTOR3_ARRAY body. */
export function readPoolVector3Array(r: ByteReader): PoolVector3Array | DecodeFailed {
  const count = readCount(r, 12);
  if (count < 0) return DECODE_FAILED;
  const values: Vector3[] = [];
  for (let i = 0; i < count; i++) values.push(readVector3Body(r));
  return new PoolVector3Array(values);
}

/** Reads a POOL_COLOR_ARRAY body. */
export function readPoolColorArray(r: ByteReader): PoolColorArray | DecodeFailed {
  const count = readCount(r, 16);
  if (count < 0) return DECODE_FAILED;
  const values: Color[] = [];
  for (let i = 0; i < count; i++) values.push(readColorBody(r));
  return new PoolColorArray(values);
}

/** Reads an element count and checks the elements fit in what remains; -1 when they cannot. */
function readCount(r: ByteReader, itemSize: number): number {
  if (r.remaining < 4) return -1;
  const count = r.u32();
  return count * itemSize > r.remaining ? -1 : count;
}

import type { ByteWriter } from './byte-writer.js';
import { LITTLE_ENDIAN_HOST } from './little-endian-host.js';
import { writeColorBody, writeVector2Body, writeVector3Body } from './math-writers.js';
import { pad4 } from './pad4.js';
import type { PoolColorArray } from './pool-color-array.js';
import type { PoolVector2Array } from './pool-vector2-array.js';
import type { PoolVector3Array } from './pool-vector3-array.js';
import { VariantType } from './variant-type.js';

/** Writes a POOL_BYTE_ARRAY Variant: length, bytes, zero padding to 4. */
export function writePoolByteArray(w: ByteWriter, data: Uint8Array): void {
  w.u32(VariantType.POOL_BYTE_ARRAY);
  w.u32(data.length);
  w.bytes(data);
  w.zeros(pad4(data.length));
}

/** Writes a POOL_INT_ARRAY Variant: count, then an int32 each. */
export function writePoolIntArray(w: ByteWriter, data: Int32Array): void {
  w.u32(VariantType.POOL_INT_ARRAY);
  w.u32(data.length);
  if (LITTLE_ENDIAN_HOST) {
    w.bytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  } else {
    for (let i = 0; i < data.length; i++) w.i32(data[i]);
  }
}

/** Writes a POOL_REAL_ARRAY Variant: count, then a float32 each. */
export function writePoolRealArray(w: ByteWriter, data: Float32Array): void {
  w.u32(VariantType.POOL_REAL_ARRAY);
  w.u32(data.length);
  if (LITTLE_ENDIAN_HOST) {
    w.bytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  } else {
    for (let i = 0; i < data.length; i++) w.f32(data[i]);
  }
}

/** Writes a POOL_VECTOR2_ARRAY Variant: count, then two float32 each. */
export function writePoolVector2Array(w: ByteWriter, array: PoolVector2Array): void {
  w.u32(VariantType.POOL_VECTOR2_ARRAY);
  w.u32(array.values.length);
  w.reserve(array.values.length * 8);
  for (const v of array.values) writeVector2Body(w, v);
}

/** Writes a POOL_VECTOR3_ARRAY Variant: count, then three float32 each. */
export function writePoolVector3Array(w: ByteWriter, array: PoolVector3Array): void {
  w.u32(VariantType.POOL_VECTOR3_ARRAY);
  w.u32(array.values.length);
  w.reserve(array.values.length * 12);
  for (const v of array.values) writeVector3Body(w, v);
}

/** Writes a POOL_COLOR_ARRAY Variant: count, then four float32 each. */
export function writePoolColorArray(w: ByteWriter, array: PoolColorArray): void {
  w.u32(VariantType.POOL_COLOR_ARRAY);
  w.u32(array.values.length);
  w.reserve(array.values.length * 16);
  for (const c of array.values) writeColorBody(w, c);
}

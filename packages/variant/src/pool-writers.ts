import type { ByteWriter } from './byte-writer.js';
import type { Color } from './color.js';
import { LITTLE_ENDIAN_HOST } from './little-endian-host.js';
import { writeColor, writeVector2, writeVector3, writeXYZW } from './math-writers.js';
import { pad4 } from './pad4.js';
import type { Vector2 } from './vector2.js';
import type { Vector3 } from './vector3.js';
import type { Vector4 } from './vector4.js';
import { writingWide } from './write-variant-with.js';

/** The number pools: bytes, int32, float32 and, in Godot 4, int64 and float64. */
export type NumberArray = Uint8Array | Int32Array | Float32Array | BigInt64Array | Float64Array;

/** A pool wrapper: its items. */
export interface ValueList<T> {
  /** The items. */
  readonly values: readonly T[];
}

/** A number pool: element count, then the bytes (and zero padding to 4) or each element little-endian. */
export function writeTypedArray(w: ByteWriter, data: NumberArray): void {
  w.u32(data.length);
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data.BYTES_PER_ELEMENT === 1) {
    w.bytes(bytes);
    w.zeros(pad4(data.length));
  } else {
    w.bytes(LITTLE_ENDIAN_HOST ? bytes : swapped(bytes, data.BYTES_PER_ELEMENT));
  }
}

/** A copy of `bytes` with each `size`-byte element reversed (big-endian hosts only). */
function swapped(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  for (let i = 0; i < copy.length; i += size) copy.subarray(i, i + size).reverse();
  return copy;
}

// The pools of math values: item count, then each item's components. One loop per type keeps each
// loop's item writer monomorphic (a shared loop with a writer parameter encodes much slower).

/** A pool of Vector2: reals (float64 for a double-precision table). */
export function writeVector2List(w: ByteWriter, list: ValueList<Vector2>): void {
  w.u32(list.values.length);
  w.reserve(list.values.length * (writingWide() ? 16 : 8));
  for (const v of list.values) writeVector2(w, v);
}

/** A pool of Vector3: reals (float64 for a double-precision table). */
export function writeVector3List(w: ByteWriter, list: ValueList<Vector3>): void {
  w.u32(list.values.length);
  w.reserve(list.values.length * (writingWide() ? 24 : 12));
  for (const v of list.values) writeVector3(w, v);
}

/** A pool of Vector4 (Godot 4's PackedVector4Array): reals (float64 for a double-precision table). */
export function writeVector4List(w: ByteWriter, list: ValueList<Vector4>): void {
  w.u32(list.values.length);
  w.reserve(list.values.length * (writingWide() ? 32 : 16));
  for (const v of list.values) writeXYZW(w, v);
}

/** A pool of Color: always float32. */
export function writeColorList(w: ByteWriter, list: ValueList<Color>): void {
  w.u32(list.values.length);
  w.reserve(list.values.length * 16);
  for (const c of list.values) writeColor(w, c);
}

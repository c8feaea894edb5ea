import type { ByteWriter } from './byte-writer.js';
import type { Color } from './color.js';
import { LITTLE_ENDIAN_HOST } from './little-endian-host.js';
import { writeColor } from './math-writers.js';
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

// The pools of math values: item count, then each item's components. One loop per type and width keeps
// each loop's writes direct (a shared loop with a writer parameter, or a width test per component,
// encodes much slower: 1.34x the time for 200 Vector2 with the test inside the loop).

/** A pool of Vector2: reals (float64 for a double-precision table). */
export function writeVector2List(w: ByteWriter, list: ValueList<Vector2>): void {
  const values = list.values;
  w.u32(values.length);
  if (writingWide()) {
    w.reserve(values.length * 16);
    for (const v of values) {
      w.f64(v.x);
      w.f64(v.y);
    }
  } else {
    w.reserve(values.length * 8);
    for (const v of values) {
      w.f32(v.x);
      w.f32(v.y);
    }
  }
}

/** A pool of Vector3: reals (float64 for a double-precision table). */
export function writeVector3List(w: ByteWriter, list: ValueList<Vector3>): void {
  const values = list.values;
  w.u32(values.length);
  if (writingWide()) {
    w.reserve(values.length * 24);
    for (const v of values) {
      w.f64(v.x);
      w.f64(v.y);
      w.f64(v.z);
    }
  } else {
    w.reserve(values.length * 12);
    for (const v of values) {
      w.f32(v.x);
      w.f32(v.y);
      w.f32(v.z);
    }
  }
}

/** A pool of Vector4 (Godot 4's PackedVector4Array): reals (float64 for a double-precision table). */
export function writeVector4List(w: ByteWriter, list: ValueList<Vector4>): void {
  const values = list.values;
  w.u32(values.length);
  const wide = writingWide();
  w.reserve(values.length * (wide ? 32 : 16));
  for (const v of values) {
    if (wide) {
      w.f64(v.x);
      w.f64(v.y);
      w.f64(v.z);
      w.f64(v.w);
    } else {
      w.f32(v.x);
      w.f32(v.y);
      w.f32(v.z);
      w.f32(v.w);
    }
  }
}

/** A pool of Color: always float32. */
export function writeColorList(w: ByteWriter, list: ValueList<Color>): void {
  w.u32(list.values.length);
  w.reserve(list.values.length * 16);
  for (const c of list.values) writeColor(w, c);
}

import type { ByteReader } from './byte-reader.js';
import type { Color } from './color.js';
import { DECODE_FAILED } from './decode-failed.js';
import { LITTLE_ENDIAN_HOST } from './little-endian-host.js';
import { readColor, readVector2, readVector3, readVector4 } from './math-readers.js';
import { pad4 } from './pad4.js';
import { readingWide } from './read-value.js';
import type { BodyReader } from './variant-codec.js';
import type { Vector2 } from './vector2.js';
import type { Vector3 } from './vector3.js';
import type { Vector4 } from './vector4.js';

/** A typed array class the number pools decode to. */
type TypedArrayClass =
  | typeof Uint8Array
  | typeof Int32Array
  | typeof Float32Array
  | typeof BigInt64Array
  | typeof Float64Array;

/** A pool wrapper class (`PoolVector2Array`, `PackedVector2Array`, ...) built from its items. */
type ListClass<I, L> = new (values: I[]) => L;

/**
 * A reader of a number pool: a count, then `C.BYTES_PER_ELEMENT` bytes per element, little-endian,
 * into a fresh typed array (a copy: it never aliases the packet). Like Godot, the zero padding after
 * a byte array may be cut off by the end of the input.
 */
export function typedArrayReader(C: TypedArrayClass): BodyReader {
  const size = C.BYTES_PER_ELEMENT;
  return (r) => {
    const count = readCount(r, size);
    if (count < 0) return DECODE_FAILED;
    const bytes = r.copyBytes(count * size);
    if (size === 1) {
      r.skip(pad4(count));
      return bytes;
    }
    if (!LITTLE_ENDIAN_HOST) for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
    return new C(bytes.buffer as ArrayBuffer);
  };
}

// The pools of math values: a count, then each item's components. One loop per item type keeps each
// loop's item reader monomorphic (a shared loop with a reader parameter decodes much slower). Vector
// components are reals (float64 with the codec's `realFlag` in the header); colors are always float32.

/** A reader of a pool of Vector2 (8 or 16 bytes each) into `C`. */
export function vector2ListReader<L>(C: ListClass<Vector2, L>): BodyReader {
  return (r) => {
    const count = readCount(r, readingWide() ? 16 : 8);
    const values: Vector2[] = [];
    for (let i = 0; i < count; i++) values.push(readVector2(r));
    return count < 0 ? DECODE_FAILED : new C(values);
  };
}

/** A reader of a pool of Vector3 (12 or 24 bytes each) into `C`. */
export function vector3ListReader<L>(C: ListClass<Vector3, L>): BodyReader {
  return (r) => {
    const count = readCount(r, readingWide() ? 24 : 12);
    const values: Vector3[] = [];
    for (let i = 0; i < count; i++) values.push(readVector3(r));
    return count < 0 ? DECODE_FAILED : new C(values);
  };
}

/** A reader of a pool of Vector4 (16 or 32 bytes each) into `C` (Godot 4's PackedVector4Array). */
export function vector4ListReader<L>(C: ListClass<Vector4, L>): BodyReader {
  return (r) => {
    const count = readCount(r, readingWide() ? 32 : 16);
    const values: Vector4[] = [];
    for (let i = 0; i < count; i++) values.push(readVector4(r));
    return count < 0 ? DECODE_FAILED : new C(values);
  };
}

/** A reader of a pool of Color (16 bytes each, float32) into `C`. */
export function colorListReader<L>(C: ListClass<Color, L>): BodyReader {
  return (r) => {
    const count = readCount(r, 16);
    const values: Color[] = [];
    for (let i = 0; i < count; i++) values.push(readColor(r));
    return count < 0 ? DECODE_FAILED : new C(values);
  };
}

/** Reads an element count (4 bytes remain) and checks the elements fit in what remains; -1 when they cannot. */
export function readCount(r: ByteReader, itemSize: number): number {
  const count = r.u32();
  return count * itemSize > r.remaining ? -1 : count;
}

import type { ByteReader } from './byte-reader.js';
import { Callable } from './callable.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { EncodedObjectAsID } from './encoded-object-as-id.js';
import { ints2, ints3, ints4 } from './int-math-readers.js';
import { basisOrigin, reals4 } from './math-readers.js';
import { PackedColorArray } from './packed-color-array.js';
import { PackedStringArray } from './packed-string-array.js';
import { PackedVector2Array } from './packed-vector2-array.js';
import { PackedVector3Array } from './packed-vector3-array.js';
import { PackedVector4Array } from './packed-vector4-array.js';
import { Plane } from './plane.js';
import {
  colorListReader,
  typedArrayReader,
  vector2ListReader,
  vector3ListReader,
  vector4ListReader,
} from './pool-readers.js';
import { Quaternion } from './quaternion.js';
import { Rect2 } from './rect2.js';
import { Rect2i } from './rect2i.js';
import { RID } from './rid.js';
import { Signal } from './signal.js';
import { StringName } from './string-name.js';
import { readStringBody, stringListReader } from './string-readers.js';
import { Transform3D } from './transform3d.js';
import { readU64 } from './u64.js';
import * as T from './variant-type-values.js';
import { Vector2i } from './vector2i.js';
import { Vector3i } from './vector3i.js';
import { Vector4i } from './vector4i.js';

// Body readers of Godot 4 types (`core/io/marshalls.cpp`, `decode_variant`) that Godot 3 does not
// share, one instance each for `godot4Codec`'s table and the `godot4Types` entries. The caller has
// checked the minimum body size.

/** VECTOR2I: two int32. */
export const readVector2i = /* @__PURE__ */ ints2(Vector2i);
/** RECT2: four reals. */
export const readRect2 = /* @__PURE__ */ reals4(Rect2);
/** RECT2I: four int32. */
export const readRect2i = /* @__PURE__ */ ints4(Rect2i);
/** VECTOR3I: three int32. */
export const readVector3i = /* @__PURE__ */ ints3(Vector3i);
/** VECTOR4I: four int32. */
export const readVector4i = /* @__PURE__ */ ints4(Vector4i);
/** PLANE: four reals. */
export const readPlane = /* @__PURE__ */ reals4(Plane);
/** QUATERNION: four reals. */
export const readQuaternion = /* @__PURE__ */ reals4(Quaternion);
/** TRANSFORM3D: a basis, then an origin. */
export const readTransform3D = /* @__PURE__ */ basisOrigin(Transform3D);
/** PACKED_BYTE_ARRAY. */
export const readPackedByteArray = /* @__PURE__ */ typedArrayReader(Uint8Array);
/** PACKED_INT32_ARRAY. */
export const readPackedInt32Array = /* @__PURE__ */ typedArrayReader(Int32Array);
/** PACKED_INT64_ARRAY. */
export const readPackedInt64Array = /* @__PURE__ */ typedArrayReader(BigInt64Array);
/** PACKED_FLOAT32_ARRAY. */
export const readPackedFloat32Array = /* @__PURE__ */ typedArrayReader(Float32Array);
/** PACKED_FLOAT64_ARRAY. */
export const readPackedFloat64Array = /* @__PURE__ */ typedArrayReader(Float64Array);
/** PACKED_STRING_ARRAY. */
export const readPackedStringArray = /* @__PURE__ */ stringListReader(PackedStringArray);
/** PACKED_VECTOR2_ARRAY. */
export const readPackedVector2Array = /* @__PURE__ */ vector2ListReader(PackedVector2Array);
/** PACKED_VECTOR3_ARRAY. */
export const readPackedVector3Array = /* @__PURE__ */ vector3ListReader(PackedVector3Array);
/** PACKED_COLOR_ARRAY. */
export const readPackedColorArray = /* @__PURE__ */ colorListReader(PackedColorArray);
/** PACKED_VECTOR4_ARRAY. */
export const readPackedVector4Array = /* @__PURE__ */ vector4ListReader(PackedVector4Array);

/** STRING_NAME: a string body. */
export function readStringName(r: ByteReader): StringName | DecodeFailed {
  const text = readStringBody(r);
  return text === DECODE_FAILED ? DECODE_FAILED : new StringName(text);
}

/** RID: a uint64 id. */
export const readRID = (r: ByteReader): RID => new RID(readU64(r));

/**
 * OBJECT: only the id form (header flag `ENCODE_FLAG_OBJECT_AS_ID`, then a uint64; 8 bytes remain).
 * A full object (class name and properties) is refused, as Godot does when object decoding is not
 * allowed (`ERR_UNAUTHORIZED`).
 */
export function readObjectId(r: ByteReader, header: number): EncodedObjectAsID | DecodeFailed {
  return header & T.ENCODE_FLAG_64 ? new EncodedObjectAsID(readU64(r)) : DECODE_FAILED;
}

/** CALLABLE: no body; always an empty Callable. */
export const readCallable = (): Callable => new Callable();

/** SIGNAL: the name (a string body), then the object id (a uint64). */
export function readSignal(r: ByteReader): Signal | DecodeFailed {
  const name = readStringBody(r);
  if (name === DECODE_FAILED || r.remaining < 8) return DECODE_FAILED;
  return new Signal(readU64(r), name);
}

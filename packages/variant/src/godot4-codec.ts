import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import { Callable } from './callable.js';
import { Color } from './color.js';
import { readArray4, readDictionary4 } from './container4-readers.js';
import { writeArray4, writeDictionary4 } from './container4-writers.js';
import { EncodedObjectAsID } from './encoded-object-as-id.js';
import { MIN_BODY4, MIN_BODY4_64 } from './godot4-min-body.js';
import {
  readCallable,
  readObjectId,
  readPackedByteArray,
  readPackedColorArray,
  readPackedFloat32Array,
  readPackedFloat64Array,
  readPackedInt32Array,
  readPackedInt64Array,
  readPackedStringArray,
  readPackedVector2Array,
  readPackedVector3Array,
  readPackedVector4Array,
  readPlane,
  readQuaternion,
  readRect2,
  readRect2i,
  readRID,
  readSignal,
  readStringName,
  readTransform3D,
  readVector2i,
  readVector3i,
  readVector4i,
} from './godot4-readers.js';
import { writeObjectId, writeRID, writeSignal, writeStringName } from './godot4-writers.js';
import { writeRect2i, writeVector2i, writeVector3i, writeVector4i } from './int-math-writers.js';
import {
  readAABB,
  readBasis,
  readColor,
  readTransform2D,
  readVector2,
  readVector3,
  readVector4,
} from './math-readers.js';
import {
  writeAABB,
  writeBasis,
  writeBasisOrigin,
  writeColor,
  writePlane,
  writeRect2,
  writeTransform2D,
  writeVector2,
  writeVector3,
  writeXYZW,
} from './math-writers.js';
import { NodePath } from './node-path.js';
import { PackedColorArray } from './packed-color-array.js';
import { PackedStringArray } from './packed-string-array.js';
import { PackedVector2Array } from './packed-vector2-array.js';
import { PackedVector3Array } from './packed-vector3-array.js';
import { PackedVector4Array } from './packed-vector4-array.js';
import { Plane } from './plane.js';
import {
  writeColorList,
  writeTypedArray,
  writeVector2List,
  writeVector3List,
  writeVector4List,
} from './pool-writers.js';
import { Projection } from './projection.js';
import { readProjection, writeProjection } from './projection-io.js';
import { Quaternion } from './quaternion.js';
import { Real } from './real.js';
import { writeRealClass } from './real-writer.js';
import { Rect2 } from './rect2.js';
import { Rect2i } from './rect2i.js';
import { RID } from './rid.js';
import { readBool, readNil, readNumber } from './scalar-readers.js';
import { Signal } from './signal.js';
import { StringName } from './string-name.js';
import { readNodePath, readStringBody } from './string-readers.js';
import { writeNodePath, writeStringList } from './string-writers.js';
import { Transform2D } from './transform2d.js';
import { Transform3D } from './transform3d.js';
import { typesOf } from './types-of.js';
import type { BodyReader, BodyWriter, VariantCodec } from './variant-codec.js';
import { ENCODE_FLAG_64 } from './variant-type-values.js';
import type { Variant4 } from './variant4.js';
import { Vector2 } from './vector2.js';
import { Vector2i } from './vector2i.js';
import { Vector3 } from './vector3.js';
import { Vector3i } from './vector3i.js';
import { Vector4 } from './vector4.js';
import { Vector4i } from './vector4i.js';

// Godot 4's Variant format, as of 4.6 (`core/variant/variant.h` type ids, `core/io/marshalls.cpp`
// `encode_variant` / `decode_variant`): one row per type id, 0..38. The same readers and writers as
// the `godot4Types` entries (a test checks the two agree), in literal tables so a build that uses the
// whole codec carries no entry objects.

/** Body readers by id. OBJECT reads only the id form; full objects are refused. */
const READERS: readonly (BodyReader | 0)[] = [
  readNil,
  readBool,
  readNumber,
  readNumber,
  readStringBody,
  readVector2,
  readVector2i,
  readRect2,
  readRect2i,
  readVector3,
  readVector3i,
  readTransform2D,
  readVector4,
  readVector4i,
  readPlane,
  readQuaternion,
  readAABB,
  readBasis,
  readTransform3D,
  readProjection,
  readColor,
  readStringName,
  readNodePath,
  readRID,
  readObjectId,
  readCallable,
  readSignal,
  readDictionary4,
  readArray4,
  readPackedByteArray,
  readPackedInt32Array,
  readPackedInt64Array,
  readPackedFloat32Array,
  readPackedFloat64Array,
  readPackedStringArray,
  readPackedVector2Array,
  readPackedVector3Array,
  readPackedColorArray,
  readPackedVector4Array,
];

/**
 * The class written as each id (0: none). FLOAT: `Real`; DICTIONARY: `Map` (so `TypedVariantDictionary`
 * too; plain objects are found apart); ARRAY: arrays are found apart (so `TypedVariantArray` too).
 */
const CLASSES = [
  0,
  0,
  0,
  Real,
  0,
  Vector2,
  Vector2i,
  Rect2,
  Rect2i,
  Vector3,
  Vector3i,
  Transform2D,
  Vector4,
  Vector4i,
  Plane,
  Quaternion,
  AABB,
  Basis,
  Transform3D,
  Projection,
  Color,
  StringName,
  NodePath,
  RID,
  EncodedObjectAsID,
  Callable,
  Signal,
  Map,
  0,
  Uint8Array,
  Int32Array,
  BigInt64Array,
  Float32Array,
  Float64Array,
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedColorArray,
  PackedVector4Array,
] as const;

/** Body writers by id (0: none, or no body). */
const WRITERS: readonly (BodyWriter | 0)[] = [
  0,
  0,
  0,
  writeRealClass,
  0,
  writeVector2,
  writeVector2i,
  writeRect2,
  writeRect2i,
  writeVector3,
  writeVector3i,
  writeTransform2D,
  writeXYZW,
  writeVector4i,
  writePlane,
  writeXYZW,
  writeAABB,
  writeBasis,
  writeBasisOrigin,
  writeProjection,
  writeColor,
  writeStringName,
  writeNodePath,
  writeRID,
  writeObjectId,
  0,
  writeSignal,
  writeDictionary4,
  writeArray4,
  writeTypedArray,
  writeTypedArray,
  writeTypedArray,
  writeTypedArray,
  writeTypedArray,
  writeStringList,
  writeVector2List,
  writeVector3List,
  writeColorList,
  writeVector4List,
];

/** The header words by class; OBJECT is always written in its id form (`ENCODE_FLAG_OBJECT_AS_ID`, bit 16). */
const TYPES = /* @__PURE__ */ typesOf(CLASSES).set(EncodedObjectAsID.prototype, 24 | ENCODE_FLAG_64);

/**
 * Godot 4's Variant format (as of 4.6) as a type table, for {@link encodeVariantWith},
 * {@link decodeVariantWith}, `readVariantWith` and `writeVariantWith`: every type of
 * `core/variant/variant.h`. Math types are written with float32 reals, as official (single-precision)
 * builds do; both widths are decoded (`godot4DoubleCodec` writes float64). See {@link Variant4} for
 * the JS type of each Godot type. Decoding fails on truncated input, type ids >= 39, full objects
 * (only the id form is read), invalid UTF-8, the pre-3.0 NodePath format, container types with an
 * unknown built-in id, and ARRAY/DICTIONARY nesting deeper than the `maxDepth` given. A build that
 * needs only some types can use `withTypes(godot4CoreCodec, ...)` instead.
 */
export const godot4Codec: VariantCodec<Variant4> = {
  version: 4,
  readers: READERS,
  minBody: MIN_BODY4,
  minBody64: MIN_BODY4_64,
  realFlag: ENCODE_FLAG_64,
  realWrite: 0,
  types: TYPES,
  writers: WRITERS,
  arrayType: 28,
  dictionaryType: 27,
};

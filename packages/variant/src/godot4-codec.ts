import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import { Callable } from './callable.js';
import { Color } from './color.js';
import { readArray4, readDictionary4 } from './container4-readers.js';
import { writeArray4, writeDictionary4 } from './container4-writers.js';
import { EncodedObjectAsID } from './encoded-object-as-id.js';
import { readCallable, readObjectId, readRID, readSignal, readStringName } from './godot4-readers.js';
import { writeObjectId, writeRID, writeSignal, writeStringName } from './godot4-writers.js';
import { ints2, ints3, ints4 } from './int-math-readers.js';
import { writeRect2i, writeVector2i, writeVector3i, writeVector4i } from './int-math-writers.js';
import {
  basisOrigin,
  readAABB,
  readBasis,
  readColor,
  readTransform2D,
  readVector2,
  readVector3,
  readVector4,
  reals4,
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
  colorListReader,
  typedArrayReader,
  vector2ListReader,
  vector3ListReader,
  vector4ListReader,
} from './pool-readers.js';
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
import { readNodePath, readStringBody, stringListReader } from './string-readers.js';
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
// `encode_variant` / `decode_variant`): one row per type id, 0..38.

/** Body readers by id. OBJECT reads only the id form; full objects are refused. */
const READERS: readonly (BodyReader | 0)[] = [
  readNil,
  readBool,
  readNumber,
  readNumber,
  readStringBody,
  readVector2,
  ints2(Vector2i),
  reals4(Rect2),
  ints4(Rect2i),
  readVector3,
  ints3(Vector3i),
  readTransform2D,
  readVector4,
  ints4(Vector4i),
  reals4(Plane),
  reals4(Quaternion),
  readAABB,
  readBasis,
  basisOrigin(Transform3D),
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
  typedArrayReader(Uint8Array),
  typedArrayReader(Int32Array),
  typedArrayReader(BigInt64Array),
  typedArrayReader(Float32Array),
  typedArrayReader(Float64Array),
  stringListReader(PackedStringArray),
  vector2ListReader(PackedVector2Array),
  vector3ListReader(PackedVector3Array),
  colorListReader(PackedColorArray),
  vector4ListReader(PackedVector4Array),
];

/**
 * Bytes each body needs at least, by id, with float32 reals: the whole body of the fixed-size types,
 * the first word (a length or count) of the others, 12 for NODE_PATH's three words, 8 for RID.
 */
const MIN_BODY: readonly number[] = [
  0, 4, 4, 4, 4, 8, 8, 16, 16, 12, 12, 24, 16, 16, 16, 16, 24, 36, 48, 64, 16, 4, 12, 8, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4,
];

/**
 * The same with the header's bit 16 set: float64 reals in the math types, 8-byte INT and FLOAT,
 * and OBJECT's 8-byte id. The integer vectors and COLOR ignore the flag, as in Godot.
 */
const MIN_BODY_64: readonly number[] = [
  0, 4, 8, 8, 4, 16, 8, 32, 16, 24, 12, 48, 32, 16, 32, 32, 48, 72, 96, 128, 16, 4, 12, 8, 8, 0, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4,
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
const TYPES = /* @__PURE__ */ typesOf(CLASSES);
TYPES.set(EncodedObjectAsID.prototype, 24 | ENCODE_FLAG_64);

/**
 * Godot 4's Variant format (as of 4.6) as a type table, for {@link encodeVariantWith},
 * {@link decodeVariantWith}, {@link readVariantWith} and {@link writeVariantWith}. Math types are
 * written with float32 reals, as official (single-precision) builds do; both widths are decoded
 * (`godot4DoubleCodec` writes float64). See {@link Variant4} for the JS type of each Godot type.
 * Decoding fails on truncated input, type ids >= 39, full objects (only the id form is read),
 * invalid UTF-8, the pre-3.0 NodePath format, container types with an unknown built-in id, and
 * ARRAY/DICTIONARY nesting deeper than the `maxDepth` given.
 */
export const godot4Codec: VariantCodec<Variant4> = {
  version: 4,
  readers: READERS,
  minBody: MIN_BODY,
  minBody64: MIN_BODY_64,
  realFlag: ENCODE_FLAG_64,
  realWrite: 0,
  types: TYPES,
  writers: WRITERS,
  arrayType: 28,
  dictionaryType: 27,
};

import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import { Color } from './color.js';
import { readArray, readDictionary } from './container-readers.js';
import { writeArray, writeDictionary } from './container-writers.js';
import {
  basisOrigin,
  readAABB,
  readBasis,
  readColor,
  readTransform2D,
  readVector2,
  readVector3,
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
import { Plane } from './plane.js';
import { PoolColorArray } from './pool-color-array.js';
import { colorListReader, typedArrayReader, vector2ListReader, vector3ListReader } from './pool-readers.js';
import { PoolStringArray } from './pool-string-array.js';
import { PoolVector2Array } from './pool-vector2-array.js';
import { PoolVector3Array } from './pool-vector3-array.js';
import { writeColorList, writeTypedArray, writeVector2List, writeVector3List } from './pool-writers.js';
import { Quat } from './quat.js';
import { Real } from './real.js';
import { writeRealClass } from './real-writer.js';
import { Rect2 } from './rect2.js';
import { RID } from './rid.js';
import { readBool, readNil, readNumber } from './scalar-readers.js';
import { readNodePath, readStringBody, stringListReader } from './string-readers.js';
import { writeNodePath, writeStringList } from './string-writers.js';
import { Transform } from './transform.js';
import { Transform2D } from './transform2d.js';
import { typesOf } from './types-of.js';
import type { Variant } from './variant.js';
import type { BodyReader, BodyWriter, VariantCodec } from './variant-codec.js';
import { Vector2 } from './vector2.js';
import { Vector3 } from './vector3.js';

// Godot 3.2's Variant format (`core/variant.h` type ids, `core/io/marshalls.cpp`): one row per type id.

/** Body readers by id. OBJECT (17) is refused, as with Godot's `allow_objects = false`. */
const READERS: readonly (BodyReader | 0)[] = [
  readNil,
  readBool,
  readNumber,
  readNumber,
  readStringBody,
  readVector2,
  reals4(Rect2),
  readVector3,
  readTransform2D,
  reals4(Plane),
  reals4(Quat),
  readAABB,
  readBasis,
  basisOrigin(Transform),
  readColor,
  readNodePath,
  () => new RID(),
  0,
  readDictionary,
  readArray,
  typedArrayReader(Uint8Array),
  typedArrayReader(Int32Array),
  typedArrayReader(Float32Array),
  stringListReader(PoolStringArray),
  vector2ListReader(PoolVector2Array),
  vector3ListReader(PoolVector3Array),
  colorListReader(PoolColorArray),
];

/**
 * Bytes each body needs at least, by id: the whole body of the fixed-size types, the first word (a
 * length or count) of the others, 12 for NODE_PATH's three words.
 */
const MIN_BODY: readonly number[] = [
  0, 4, 4, 4, 4, 8, 16, 12, 24, 16, 16, 24, 36, 48, 16, 12, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4,
];

/** The class written as each id (0: none). REAL: `Real`; DICTIONARY: `Map` (plain objects too). */
const CLASSES = [
  0,
  0,
  0,
  Real,
  0,
  Vector2,
  Rect2,
  Vector3,
  Transform2D,
  Plane,
  Quat,
  AABB,
  Basis,
  Transform,
  Color,
  NodePath,
  RID,
  0,
  Map,
  0,
  Uint8Array,
  Int32Array,
  Float32Array,
  PoolStringArray,
  PoolVector2Array,
  PoolVector3Array,
  PoolColorArray,
] as const;

/** Body writers by id (0: none, or no body). */
const WRITERS: readonly (BodyWriter | 0)[] = [
  0,
  0,
  0,
  writeRealClass,
  0,
  writeVector2,
  writeRect2,
  writeVector3,
  writeTransform2D,
  writePlane,
  writeXYZW,
  writeAABB,
  writeBasis,
  writeBasisOrigin,
  writeColor,
  writeNodePath,
  0,
  0,
  writeDictionary,
  writeArray,
  writeTypedArray,
  writeTypedArray,
  writeTypedArray,
  writeStringList,
  writeVector2List,
  writeVector3List,
  writeColorList,
];

/**
 * Godot 3.2's Variant format as a type table, for `readVariantWith` and the other shared
 * functions (`encodeVariant`, `decodeVariant`, `readVariant` and `writeVariant` use it). See
 * {@link Variant} for the JS type of each Godot type.
 */
export const godot3Codec: VariantCodec<Variant> = {
  version: 3,
  readers: READERS,
  minBody: MIN_BODY,
  realFlag: 0,
  realWrite: 0,
  types: /* @__PURE__ */ typesOf(CLASSES),
  writers: WRITERS,
  arrayType: 19,
  dictionaryType: 18,
};

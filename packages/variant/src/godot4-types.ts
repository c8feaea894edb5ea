import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import { Callable } from './callable.js';
import { Color } from './color.js';
import { EncodedObjectAsID } from './encoded-object-as-id.js';
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
import { Rect2 } from './rect2.js';
import { Rect2i } from './rect2i.js';
import { RID } from './rid.js';
import { Signal } from './signal.js';
import { StringName } from './string-name.js';
import { readNodePath } from './string-readers.js';
import { writeNodePath, writeStringList } from './string-writers.js';
import { Transform2D } from './transform2d.js';
import { Transform3D } from './transform3d.js';
import type { VariantTypeEntry } from './variant-type-entry.js';
import { ENCODE_FLAG_64 } from './variant-type-values.js';
import { Vector2 } from './vector2.js';
import { Vector2i } from './vector2i.js';
import { Vector3 } from './vector3.js';
import { Vector3i } from './vector3i.js';
import { Vector4 } from './vector4.js';
import { Vector4i } from './vector4i.js';

// Godot 4's types beyond the core (NIL, BOOL, INT, FLOAT, STRING, ARRAY, DICTIONARY), one entry each,
// ids and layouts from Godot 4.6's `core/variant/variant.h` and `core/io/marshalls.cpp`. "Real"
// entries are written with float64 reals and ENCODE_FLAG_64 by a double-precision table.

/** VECTOR2 (5): `Vector2`. */
export const godot4Vector2: VariantTypeEntry = {
  id: 5,
  read: readVector2,
  write: writeVector2,
  classes: [Vector2],
  real: true,
};
/** VECTOR2I (6): `Vector2i`. */
export const godot4Vector2i: VariantTypeEntry = {
  id: 6,
  read: readVector2i,
  write: writeVector2i,
  classes: [Vector2i],
};
/** RECT2 (7): `Rect2`. */
export const godot4Rect2: VariantTypeEntry = {
  id: 7,
  read: readRect2,
  write: writeRect2,
  classes: [Rect2],
  real: true,
};
/** RECT2I (8): `Rect2i`. */
export const godot4Rect2i: VariantTypeEntry = { id: 8, read: readRect2i, write: writeRect2i, classes: [Rect2i] };
/** VECTOR3 (9): `Vector3`. */
export const godot4Vector3: VariantTypeEntry = {
  id: 9,
  read: readVector3,
  write: writeVector3,
  classes: [Vector3],
  real: true,
};
/** VECTOR3I (10): `Vector3i`. */
export const godot4Vector3i: VariantTypeEntry = {
  id: 10,
  read: readVector3i,
  write: writeVector3i,
  classes: [Vector3i],
};
/** TRANSFORM2D (11): `Transform2D`. */
export const godot4Transform2D: VariantTypeEntry = {
  id: 11,
  read: readTransform2D,
  write: writeTransform2D,
  classes: [Transform2D],
  real: true,
};
/** VECTOR4 (12): `Vector4`. */
export const godot4Vector4: VariantTypeEntry = {
  id: 12,
  read: readVector4,
  write: writeXYZW,
  classes: [Vector4],
  real: true,
};
/** VECTOR4I (13): `Vector4i`. */
export const godot4Vector4i: VariantTypeEntry = {
  id: 13,
  read: readVector4i,
  write: writeVector4i,
  classes: [Vector4i],
};
/** PLANE (14): `Plane`. */
export const godot4Plane: VariantTypeEntry = {
  id: 14,
  read: readPlane,
  write: writePlane,
  classes: [Plane],
  real: true,
};
/** QUATERNION (15): `Quaternion`. */
export const godot4Quaternion: VariantTypeEntry = {
  id: 15,
  read: readQuaternion,
  write: writeXYZW,
  classes: [Quaternion],
  real: true,
};
/** AABB (16): `AABB`. */
export const godot4AABB: VariantTypeEntry = { id: 16, read: readAABB, write: writeAABB, classes: [AABB], real: true };
/** BASIS (17): `Basis`. */
export const godot4Basis: VariantTypeEntry = {
  id: 17,
  read: readBasis,
  write: writeBasis,
  classes: [Basis],
  real: true,
};
/** TRANSFORM3D (18): `Transform3D`. */
export const godot4Transform3D: VariantTypeEntry = {
  id: 18,
  read: readTransform3D,
  write: writeBasisOrigin,
  classes: [Transform3D],
  real: true,
};
/** PROJECTION (19): `Projection`. */
export const godot4Projection: VariantTypeEntry = {
  id: 19,
  read: readProjection,
  write: writeProjection,
  classes: [Projection],
  real: true,
};
/** COLOR (20): `Color`, always float32. */
export const godot4Color: VariantTypeEntry = { id: 20, read: readColor, write: writeColor, classes: [Color] };
/** STRING_NAME (21): `StringName`. */
export const godot4StringName: VariantTypeEntry = {
  id: 21,
  read: readStringName,
  write: writeStringName,
  classes: [StringName],
};
/** NODE_PATH (22): `NodePath`. */
export const godot4NodePath: VariantTypeEntry = {
  id: 22,
  read: readNodePath,
  write: writeNodePath,
  classes: [NodePath],
};
/** RID (23): `RID` with its uint64 id. */
export const godot4RID: VariantTypeEntry = { id: 23, read: readRID, write: writeRID, classes: [RID] };
/** OBJECT (24) in its id form only: `EncodedObjectAsID`. */
export const godot4Object: VariantTypeEntry = {
  id: 24,
  read: readObjectId,
  write: writeObjectId,
  classes: [EncodedObjectAsID],
  flags: ENCODE_FLAG_64,
};
/** CALLABLE (25): `Callable`, header only. */
export const godot4Callable: VariantTypeEntry = { id: 25, read: readCallable, write: 0, classes: [Callable] };
/** SIGNAL (26): `Signal`. */
export const godot4Signal: VariantTypeEntry = { id: 26, read: readSignal, write: writeSignal, classes: [Signal] };
/** PACKED_BYTE_ARRAY (29): `Uint8Array`. */
export const godot4PackedByteArray: VariantTypeEntry = {
  id: 29,
  read: readPackedByteArray,
  write: writeTypedArray,
  classes: [Uint8Array],
};
/** PACKED_INT32_ARRAY (30): `Int32Array`. */
export const godot4PackedInt32Array: VariantTypeEntry = {
  id: 30,
  read: readPackedInt32Array,
  write: writeTypedArray,
  classes: [Int32Array],
};
/** PACKED_INT64_ARRAY (31): `BigInt64Array`. */
export const godot4PackedInt64Array: VariantTypeEntry = {
  id: 31,
  read: readPackedInt64Array,
  write: writeTypedArray,
  classes: [BigInt64Array],
};
/** PACKED_FLOAT32_ARRAY (32): `Float32Array`. */
export const godot4PackedFloat32Array: VariantTypeEntry = {
  id: 32,
  read: readPackedFloat32Array,
  write: writeTypedArray,
  classes: [Float32Array],
};
/** PACKED_FLOAT64_ARRAY (33): `Float64Array`. */
export const godot4PackedFloat64Array: VariantTypeEntry = {
  id: 33,
  read: readPackedFloat64Array,
  write: writeTypedArray,
  classes: [Float64Array],
};
/** PACKED_STRING_ARRAY (34): `PackedStringArray`. */
export const godot4PackedStringArray: VariantTypeEntry = {
  id: 34,
  read: readPackedStringArray,
  write: writeStringList,
  classes: [PackedStringArray],
};
/** PACKED_VECTOR2_ARRAY (35): `PackedVector2Array`. */
export const godot4PackedVector2Array: VariantTypeEntry = {
  id: 35,
  read: readPackedVector2Array,
  write: writeVector2List,
  classes: [PackedVector2Array],
  real: true,
};
/** PACKED_VECTOR3_ARRAY (36): `PackedVector3Array`. */
export const godot4PackedVector3Array: VariantTypeEntry = {
  id: 36,
  read: readPackedVector3Array,
  write: writeVector3List,
  classes: [PackedVector3Array],
  real: true,
};
/** PACKED_COLOR_ARRAY (37): `PackedColorArray`, always float32. */
export const godot4PackedColorArray: VariantTypeEntry = {
  id: 37,
  read: readPackedColorArray,
  write: writeColorList,
  classes: [PackedColorArray],
};
/** PACKED_VECTOR4_ARRAY (38): `PackedVector4Array`. */
export const godot4PackedVector4Array: VariantTypeEntry = {
  id: 38,
  read: readPackedVector4Array,
  write: writeVector4List,
  classes: [PackedVector4Array],
  real: true,
};

/** Every Godot 4 type beyond the core, in id order: `withTypes(godot4CoreCodec, ...godot4Types)` is `godot4Codec`. */
export const godot4Types: readonly VariantTypeEntry[] = [
  godot4Vector2,
  godot4Vector2i,
  godot4Rect2,
  godot4Rect2i,
  godot4Vector3,
  godot4Vector3i,
  godot4Transform2D,
  godot4Vector4,
  godot4Vector4i,
  godot4Plane,
  godot4Quaternion,
  godot4AABB,
  godot4Basis,
  godot4Transform3D,
  godot4Projection,
  godot4Color,
  godot4StringName,
  godot4NodePath,
  godot4RID,
  godot4Object,
  godot4Callable,
  godot4Signal,
  godot4PackedByteArray,
  godot4PackedInt32Array,
  godot4PackedInt64Array,
  godot4PackedFloat32Array,
  godot4PackedFloat64Array,
  godot4PackedStringArray,
  godot4PackedVector2Array,
  godot4PackedVector3Array,
  godot4PackedColorArray,
  godot4PackedVector4Array,
];

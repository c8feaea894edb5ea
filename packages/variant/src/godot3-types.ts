import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import { Color } from './color.js';
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
import { Rect2 } from './rect2.js';
import { RID } from './rid.js';
import { readNodePath, stringListReader } from './string-readers.js';
import { writeNodePath, writeStringList } from './string-writers.js';
import { Transform } from './transform.js';
import { Transform2D } from './transform2d.js';
import type { VariantTypeEntry } from './variant-type-entry.js';
import { Vector2 } from './vector2.js';
import { Vector3 } from './vector3.js';

// Godot 3.2's types beyond `godot3CoreCodec`, one entry each (`core/variant.h` ids), for `withTypes`.
// Each factory call is pure, so a build keeps only the entries it names.

/** VECTOR2 (5): `Vector2`. */
export const godot3Vector2: VariantTypeEntry = { id: 5, read: readVector2, write: writeVector2, classes: [Vector2] };
/** RECT2 (6): `Rect2`. */
export const godot3Rect2: VariantTypeEntry = {
  id: 6,
  read: /* @__PURE__ */ reals4(Rect2),
  write: writeRect2,
  classes: [Rect2],
};
/** VECTOR3 (7): `Vector3`. */
export const godot3Vector3: VariantTypeEntry = { id: 7, read: readVector3, write: writeVector3, classes: [Vector3] };
/** TRANSFORM2D (8): `Transform2D`. */
export const godot3Transform2D: VariantTypeEntry = {
  id: 8,
  read: readTransform2D,
  write: writeTransform2D,
  classes: [Transform2D],
};
/** PLANE (9): `Plane`. */
export const godot3Plane: VariantTypeEntry = {
  id: 9,
  read: /* @__PURE__ */ reals4(Plane),
  write: writePlane,
  classes: [Plane],
};
/** QUAT (10): `Quat`. */
export const godot3Quat: VariantTypeEntry = {
  id: 10,
  read: /* @__PURE__ */ reals4(Quat),
  write: writeXYZW,
  classes: [Quat],
};
/** AABB (11): `AABB`. */
export const godot3AABB: VariantTypeEntry = { id: 11, read: readAABB, write: writeAABB, classes: [AABB] };
/** BASIS (12): `Basis`. */
export const godot3Basis: VariantTypeEntry = { id: 12, read: readBasis, write: writeBasis, classes: [Basis] };
/** TRANSFORM (13): `Transform`. */
export const godot3Transform: VariantTypeEntry = {
  id: 13,
  read: /* @__PURE__ */ basisOrigin(Transform),
  write: writeBasisOrigin,
  classes: [Transform],
};
/** COLOR (14): `Color`. */
export const godot3Color: VariantTypeEntry = { id: 14, read: readColor, write: writeColor, classes: [Color] };
/** NODE_PATH (15): `NodePath`. */
export const godot3NodePath: VariantTypeEntry = {
  id: 15,
  read: readNodePath,
  write: writeNodePath,
  classes: [NodePath],
};
/** _RID (16): `RID`, header only (Godot 3 sends no id). */
export const godot3RID: VariantTypeEntry = { id: 16, read: () => new RID(), write: 0, classes: [RID] };
/** POOL_BYTE_ARRAY (20): `Uint8Array`. */
export const godot3PoolByteArray: VariantTypeEntry = {
  id: 20,
  read: /* @__PURE__ */ typedArrayReader(Uint8Array),
  write: writeTypedArray,
  classes: [Uint8Array],
};
/** POOL_INT_ARRAY (21): `Int32Array`. */
export const godot3PoolIntArray: VariantTypeEntry = {
  id: 21,
  read: /* @__PURE__ */ typedArrayReader(Int32Array),
  write: writeTypedArray,
  classes: [Int32Array],
};
/** POOL_REAL_ARRAY (22): `Float32Array`. */
export const godot3PoolRealArray: VariantTypeEntry = {
  id: 22,
  read: /* @__PURE__ */ typedArrayReader(Float32Array),
  write: writeTypedArray,
  classes: [Float32Array],
};
/** POOL_STRING_ARRAY (23): `PoolStringArray`. */
export const godot3PoolStringArray: VariantTypeEntry = {
  id: 23,
  read: /* @__PURE__ */ stringListReader(PoolStringArray),
  write: writeStringList,
  classes: [PoolStringArray],
};
/** POOL_VECTOR2_ARRAY (24): `PoolVector2Array`. */
export const godot3PoolVector2Array: VariantTypeEntry = {
  id: 24,
  read: /* @__PURE__ */ vector2ListReader(PoolVector2Array),
  write: writeVector2List,
  classes: [PoolVector2Array],
};
/** POOL_VECTOR3_ARRAY (25): `PoolVector3Array`. */
export const godot3PoolVector3Array: VariantTypeEntry = {
  id: 25,
  read: /* @__PURE__ */ vector3ListReader(PoolVector3Array),
  write: writeVector3List,
  classes: [PoolVector3Array],
};
/** POOL_COLOR_ARRAY (26): `PoolColorArray`. */
export const godot3PoolColorArray: VariantTypeEntry = {
  id: 26,
  read: /* @__PURE__ */ colorListReader(PoolColorArray),
  write: writeColorList,
  classes: [PoolColorArray],
};

/** Every Godot 3 type beyond the core, in id order: `withTypes(godot3CoreCodec, ...godot3Types)` decodes and encodes what `godot3Codec` does. */
export const godot3Types: readonly VariantTypeEntry[] = [
  godot3Vector2,
  godot3Rect2,
  godot3Vector3,
  godot3Transform2D,
  godot3Plane,
  godot3Quat,
  godot3AABB,
  godot3Basis,
  godot3Transform,
  godot3Color,
  godot3NodePath,
  godot3RID,
  godot3PoolByteArray,
  godot3PoolIntArray,
  godot3PoolRealArray,
  godot3PoolStringArray,
  godot3PoolVector2Array,
  godot3PoolVector3Array,
  godot3PoolColorArray,
];

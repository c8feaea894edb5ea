import type { AABB } from './aabb.js';
import type { Basis } from './basis.js';
import type { Callable } from './callable.js';
import type { Color } from './color.js';
import type { EncodedObjectAsID } from './encoded-object-as-id.js';
import type { NodePath } from './node-path.js';
import type { PackedColorArray } from './packed-color-array.js';
import type { PackedStringArray } from './packed-string-array.js';
import type { PackedVector2Array } from './packed-vector2-array.js';
import type { PackedVector3Array } from './packed-vector3-array.js';
import type { PackedVector4Array } from './packed-vector4-array.js';
import type { Plane } from './plane.js';
import type { Projection } from './projection.js';
import type { Quaternion } from './quaternion.js';
import type { Real } from './real.js';
import type { Rect2 } from './rect2.js';
import type { Rect2i } from './rect2i.js';
import type { RID } from './rid.js';
import type { Signal } from './signal.js';
import type { StringName } from './string-name.js';
import type { Transform2D } from './transform2d.js';
import type { Transform3D } from './transform3d.js';
import type { Vector2 } from './vector2.js';
import type { Vector2i } from './vector2i.js';
import type { Vector3 } from './vector3.js';
import type { Vector3i } from './vector3i.js';
import type { Vector4 } from './vector4.js';
import type { Vector4i } from './vector4i.js';

/**
 * A value the Godot 4 Variant codec ({@link godot4Codec}) can carry. JS to Godot 4 type mapping:
 *
 * | JS | Godot 4 |
 * | --- | --- |
 * | `null`, `undefined` | NIL (decodes to `null`) |
 * | `boolean` | BOOL |
 * | integral `number`, `bigint` | INT (int32 if it fits, else int64; numbers must be safe integers) |
 * | other `number`, {@link Real} | FLOAT (float32 if exact, else float64) |
 * | `string` / `StringName` | STRING / STRING_NAME |
 * | `Vector2` ... `Projection`, `Color`, `NodePath`, `RID`, `Callable`, `Signal` | the Godot type of the same name |
 * | `EncodedObjectAsID` | OBJECT in its id form (full objects are never decoded) |
 * | array / `TypedVariantArray` | ARRAY / typed ARRAY |
 * | `Map`, plain object / `TypedVariantDictionary` | DICTIONARY / typed DICTIONARY |
 * | `Uint8Array`, `Int32Array`, `BigInt64Array`, `Float32Array`, `Float64Array` | PACKED_BYTE / INT32 / INT64 / FLOAT32 / FLOAT64_ARRAY |
 * | `PackedStringArray`, `PackedVector2Array`, `PackedVector3Array`, `PackedColorArray`, `PackedVector4Array` | the packed type |
 *
 * Decoded values use the canonical forms only: `null`, `number` (or `bigint` for an int64 beyond
 * 2^53), `Map` or `TypedVariantDictionary`, arrays or `TypedVariantArray`, typed arrays and the
 * classes; never `undefined`, `Real` or plain objects.
 */
export type Variant4 =
  | null
  | undefined
  | boolean
  | number
  | bigint
  | string
  | Real
  | Vector2
  | Vector2i
  | Rect2
  | Rect2i
  | Vector3
  | Vector3i
  | Transform2D
  | Vector4
  | Vector4i
  | Plane
  | Quaternion
  | AABB
  | Basis
  | Transform3D
  | Projection
  | Color
  | StringName
  | NodePath
  | RID
  | EncodedObjectAsID
  | Callable
  | Signal
  | VariantArray4
  | VariantDictionary4
  | VariantRecord4
  | Uint8Array
  | Int32Array
  | BigInt64Array
  | Float32Array
  | Float64Array
  | PackedStringArray
  | PackedVector2Array
  | PackedVector3Array
  | PackedColorArray
  | PackedVector4Array;

/** Godot 4's `Array` (a `TypedVariantArray` is one too): any Variants, encoded as ARRAY (type 28). */
export type VariantArray4 = readonly Variant4[];

/** Godot 4's `Dictionary`: keys and values of any Variant type, in insertion order (DICTIONARY, type 27). */
export type VariantDictionary4 = ReadonlyMap<Variant4, Variant4>;

/** A plain object, encoded as a DICTIONARY with string keys (own enumerable keys, `Object.keys` order). */
export type VariantRecord4 = { readonly [key: string]: Variant4 };

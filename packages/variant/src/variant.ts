import type { AABB } from './aabb.js';
import type { Basis } from './basis.js';
import type { Color } from './color.js';
import type { NodePath } from './node-path.js';
import type { Plane } from './plane.js';
import type { PoolColorArray } from './pool-color-array.js';
import type { PoolStringArray } from './pool-string-array.js';
import type { PoolVector2Array } from './pool-vector2-array.js';
import type { PoolVector3Array } from './pool-vector3-array.js';
import type { Quat } from './quat.js';
import type { Real } from './real.js';
import type { Rect2 } from './rect2.js';
import type { RID } from './rid.js';
import type { Transform } from './transform.js';
import type { Transform2D } from './transform2d.js';
import type { Vector2 } from './vector2.js';
import type { Vector3 } from './vector3.js';

/**
 * A value the Godot 3.2 Variant codec can carry. JS to Godot type mapping:
 *
 * | JS | Godot |
 * | --- | --- |
 * | `null`, `undefined` | NIL (decodes to `null`) |
 * | `boolean` | BOOL |
 * | integral `number` | INT (int32 if it fits, else int64; must be a safe integer) |
 * | other `number`, {@link Real} | REAL (float32 if exact, else float64) |
 * | `bigint` | INT (int32 if it fits, else int64) |
 * | `string` | STRING |
 * | `Vector2` ... `RID` classes | the Godot type of the same name |
 * | array | ARRAY |
 * | `Map` | DICTIONARY (any key type, insertion order) |
 * | plain object | DICTIONARY with string keys (decodes to a `Map`) |
 * | `Uint8Array` / `Int32Array` / `Float32Array` | POOL_BYTE_ARRAY / POOL_INT_ARRAY / POOL_REAL_ARRAY |
 * | `PoolStringArray`, `PoolVector2Array`, `PoolVector3Array`, `PoolColorArray` | the pool type |
 *
 * Decoded values use the canonical forms only: `null`, `number` (or `bigint` for an int64 beyond 2^53),
 * `Map`, arrays, typed arrays and the classes; never `undefined`, `Real` or plain objects.
 */
export type Variant =
  | null
  | undefined
  | boolean
  | number
  | bigint
  | string
  | Real
  | Vector2
  | Rect2
  | Vector3
  | Transform2D
  | Plane
  | Quat
  | AABB
  | Basis
  | Transform
  | Color
  | NodePath
  | RID
  | VariantArray
  | VariantDictionary
  | VariantRecord
  | Uint8Array
  | Int32Array
  | Float32Array
  | PoolStringArray
  | PoolVector2Array
  | PoolVector3Array
  | PoolColorArray;

/** Godot's `Array`: any Variants, encoded as ARRAY (type 19). */
export type VariantArray = readonly Variant[];

/** Godot's `Dictionary`: keys and values of any Variant type, in insertion order (DICTIONARY, type 18). */
export type VariantDictionary = ReadonlyMap<Variant, Variant>;

/** A plain object, encoded as a DICTIONARY with string keys (own enumerable keys, `Object.keys` order). */
export type VariantRecord = { readonly [key: string]: Variant };

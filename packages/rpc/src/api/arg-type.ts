import { AABB } from '../variant/aabb.js';
import { Basis } from '../variant/basis.js';
import { Color } from '../variant/color.js';
import { NodePath } from '../variant/node-path.js';
import { Plane } from '../variant/plane.js';
import { PoolColorArray } from '../variant/pool-color-array.js';
import { PoolStringArray } from '../variant/pool-string-array.js';
import { PoolVector2Array } from '../variant/pool-vector2-array.js';
import { PoolVector3Array } from '../variant/pool-vector3-array.js';
import { Quat } from '../variant/quat.js';
import { Real } from '../variant/real.js';
import { Rect2 } from '../variant/rect2.js';
import { RID } from '../variant/rid.js';
import { Transform } from '../variant/transform.js';
import { Transform2D } from '../variant/transform2d.js';
import { Vector2 } from '../variant/vector2.js';
import { Vector3 } from '../variant/vector3.js';

/** Godot 3 type names for declaring RPC arguments and properties (`'Variant'` accepts anything). */
export type ArgType =
  | 'Variant'
  | 'Nil'
  | 'bool'
  | 'int'
  | 'float'
  | 'String'
  | 'Vector2'
  | 'Rect2'
  | 'Vector3'
  | 'Transform2D'
  | 'Plane'
  | 'Quat'
  | 'AABB'
  | 'Basis'
  | 'Transform'
  | 'Color'
  | 'NodePath'
  | 'RID'
  | 'Dictionary'
  | 'Array'
  | 'PoolByteArray'
  | 'PoolIntArray'
  | 'PoolRealArray'
  | 'PoolStringArray'
  | 'PoolVector2Array'
  | 'PoolVector3Array'
  | 'PoolColorArray';

type Check = (value: unknown) => boolean;

/** The types that are not classes. A plain object, so unknown names (and `Object.prototype` ones) behave as before. */
const CHECKS: { readonly [type: string]: Check } = {
  Variant: () => true,
  Nil: (v) => v === null || v === undefined,
  bool: (v) => typeof v === 'boolean',
  int: (v) => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint',
  float: (v) => typeof v === 'number' || v instanceof Real,
  String: (v) => typeof v === 'string',
  Dictionary: (v) =>
    v instanceof Map || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype),
  Array: (v) => Array.isArray(v),
};

/** The class of each remaining type: a value fits when it is an instance. */
const CLASSES: { readonly [type: string]: abstract new (...args: never[]) => unknown } = {
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
  PoolByteArray: Uint8Array,
  PoolIntArray: Int32Array,
  PoolRealArray: Float32Array,
  PoolStringArray,
  PoolVector2Array,
  PoolVector3Array,
  PoolColorArray,
};

/** Whether a (decoded) value fits a declared type. Decoded floats that are whole numbers also fit `int`. */
export function fitsArgType(value: unknown, type: ArgType): boolean {
  const check = CHECKS[type];
  if (check !== undefined) return check(value);
  const cls = CLASSES[type];
  return cls !== undefined && value instanceof cls;
}

/** Prepares a value for sending as `type`: a plain number declared `float` goes out as Godot float. */
export function coerceArg(value: unknown, type: ArgType | undefined): unknown {
  return type === 'float' && typeof value === 'number' ? new Real(value) : value;
}

/** The first argument that does not fit `types` (by index), `-1` when all fit, `-2` for a count mismatch. */
export function firstMismatch(args: readonly unknown[], types: readonly ArgType[]): number {
  if (args.length !== types.length) return -2;
  for (let i = 0; i < args.length; i++) if (!fitsArgType(args[i], types[i] as ArgType)) return i;
  return -1;
}

import {
  AABB,
  Basis,
  Color,
  NodePath,
  Plane,
  PoolColorArray,
  PoolStringArray,
  PoolVector2Array,
  PoolVector3Array,
  Quat,
  Real,
  Rect2,
  RID,
  Transform,
  Transform2D,
  Vector2,
  Vector3,
} from '@wspeer/variant';

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

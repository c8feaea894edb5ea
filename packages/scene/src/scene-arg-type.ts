import {
  AABB,
  Basis,
  Callable,
  Color,
  NodePath,
  PackedColorArray,
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedVector4Array,
  Plane,
  Projection,
  Quaternion,
  Real,
  Rect2,
  Rect2i,
  RID,
  Signal,
  StringName,
  Transform2D,
  Transform3D,
  Vector2,
  Vector2i,
  Vector3,
  Vector3i,
  Vector4,
  Vector4i,
} from '@wspeer/variant';

/** Godot 4 type names for declaring RPC arguments (`'Variant'` accepts anything). */
export type SceneArgType =
  | 'Variant'
  | 'bool'
  | 'int'
  | 'float'
  | 'String'
  | 'StringName'
  | 'Vector2'
  | 'Vector2i'
  | 'Rect2'
  | 'Rect2i'
  | 'Vector3'
  | 'Vector3i'
  | 'Transform2D'
  | 'Vector4'
  | 'Vector4i'
  | 'Plane'
  | 'Quaternion'
  | 'AABB'
  | 'Basis'
  | 'Transform3D'
  | 'Projection'
  | 'Color'
  | 'NodePath'
  | 'RID'
  | 'Callable'
  | 'Signal'
  | 'Dictionary'
  | 'Array'
  | 'PackedByteArray'
  | 'PackedInt32Array'
  | 'PackedInt64Array'
  | 'PackedFloat32Array'
  | 'PackedFloat64Array'
  | 'PackedStringArray'
  | 'PackedVector2Array'
  | 'PackedVector3Array'
  | 'PackedColorArray'
  | 'PackedVector4Array';

type Check = (value: unknown) => boolean;

const CHECKS: { readonly [type: string]: Check } = {
  Variant: () => true,
  bool: (v) => typeof v === 'boolean',
  int: (v) => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint',
  float: (v) => typeof v === 'number' || v instanceof Real,
  String: (v) => typeof v === 'string',
  Dictionary: (v) =>
    v instanceof Map || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype),
  Array: (v) => Array.isArray(v),
};

const CLASSES: { readonly [type: string]: abstract new (...args: never[]) => unknown } = {
  StringName,
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
  NodePath,
  RID,
  Callable,
  Signal,
  PackedByteArray: Uint8Array,
  PackedInt32Array: Int32Array,
  PackedInt64Array: BigInt64Array,
  PackedFloat32Array: Float32Array,
  PackedFloat64Array: Float64Array,
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedColorArray,
  PackedVector4Array,
};

/** Whether a decoded value fits a declared Godot 4 type (a whole-number float also fits `int`). */
export function fitsSceneArgType(value: unknown, type: SceneArgType): boolean {
  const check = CHECKS[type];
  if (check !== undefined) return check(value);
  const cls = CLASSES[type];
  return cls !== undefined && value instanceof cls;
}

/** The index of the first argument that does not fit `types`, `-1` when all fit, `-2` for a wrong count. */
export function firstSceneArgMismatch(args: readonly unknown[], types: readonly SceneArgType[]): number {
  if (args.length !== types.length) return -2;
  for (let i = 0; i < args.length; i++) if (!fitsSceneArgType(args[i], types[i] as SceneArgType)) return i;
  return -1;
}

/** Prepares an argument for sending as `type`: a plain number declared `float` goes out as a Godot float. */
export function coerceSceneArg(value: unknown, type: SceneArgType | undefined): unknown {
  return type === 'float' && typeof value === 'number' ? new Real(value) : value;
}

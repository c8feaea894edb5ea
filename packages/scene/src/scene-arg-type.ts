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
  type Variant4,
  type VariantArray4,
  type VariantDictionary4,
  type VariantRecord4,
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

/** The JS value of each {@link SceneArgType}, as the Godot 4 codec decodes it (and accepts for sending). */
export type SceneArgValues = {
  Variant: Variant4;
  bool: boolean;
  int: number | bigint;
  float: number;
  String: string;
  StringName: StringName;
  Vector2: Vector2;
  Vector2i: Vector2i;
  Rect2: Rect2;
  Rect2i: Rect2i;
  Vector3: Vector3;
  Vector3i: Vector3i;
  Transform2D: Transform2D;
  Vector4: Vector4;
  Vector4i: Vector4i;
  Plane: Plane;
  Quaternion: Quaternion;
  AABB: AABB;
  Basis: Basis;
  Transform3D: Transform3D;
  Projection: Projection;
  Color: Color;
  NodePath: NodePath;
  RID: RID;
  Callable: Callable;
  Signal: Signal;
  Dictionary: VariantDictionary4 | VariantRecord4;
  Array: VariantArray4;
  PackedByteArray: Uint8Array;
  PackedInt32Array: Int32Array;
  PackedInt64Array: BigInt64Array;
  PackedFloat32Array: Float32Array;
  PackedFloat64Array: Float64Array;
  PackedStringArray: PackedStringArray;
  PackedVector2Array: PackedVector2Array;
  PackedVector3Array: PackedVector3Array;
  PackedColorArray: PackedColorArray;
  PackedVector4Array: PackedVector4Array;
};

/** The JS value of one {@link SceneArgType}. */
export type SceneArgValue<T extends SceneArgType> = SceneArgValues[T];

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

const ZEROS: { readonly [type: string]: unknown } = {
  Variant: null,
  bool: false,
  int: 0,
  float: 0,
  String: '',
};

/**
 * The value a Godot property of `type` has before anything sets it (`Vector2()`, `0`, `""`, an empty
 * array, ...): what a replicated property starts with when no default is declared. `null` for
 * `'Variant'` or no type.
 */
export function zeroSceneArg(type: SceneArgType | undefined): unknown {
  if (type === undefined) return null;
  if (type in ZEROS) return ZEROS[type];
  if (type === 'Dictionary') return new Map();
  if (type === 'Array') return [];
  const cls = CLASSES[type] as new () => unknown;
  return new cls();
}

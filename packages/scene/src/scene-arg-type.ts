import { msg } from '@wspeer/core';
import type {
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
  Rect2,
  Rect2i,
  RID,
  Signal,
  StringName,
  Transform2D,
  Transform3D,
  Variant4,
  VariantArray4,
  VariantDictionary4,
  VariantRecord4,
  Vector2,
  Vector2i,
  Vector3,
  Vector3i,
  Vector4,
  Vector4i,
} from '@wspeer/variant';
import { Real, type VariantCodec } from '@wspeer/variant';
import { godotName, notInCodec } from './codec-hint.js';

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
export interface SceneArgValues {
  /** Godot's `Variant` as `Variant4`. */
  Variant: Variant4;
  /** Godot's `bool` as `boolean`. */
  bool: boolean;
  /** Godot's `int` as `number` or `bigint`. */
  int: number | bigint;
  /** Godot's `float` as `number`. */
  float: number;
  /** Godot's `String` as `string`. */
  String: string;
  /** Godot's `StringName` as `StringName`. */
  StringName: StringName;
  /** Godot's `Vector2` as `Vector2`. */
  Vector2: Vector2;
  /** Godot's `Vector2i` as `Vector2i`. */
  Vector2i: Vector2i;
  /** Godot's `Rect2` as `Rect2`. */
  Rect2: Rect2;
  /** Godot's `Rect2i` as `Rect2i`. */
  Rect2i: Rect2i;
  /** Godot's `Vector3` as `Vector3`. */
  Vector3: Vector3;
  /** Godot's `Vector3i` as `Vector3i`. */
  Vector3i: Vector3i;
  /** Godot's `Transform2D` as `Transform2D`. */
  Transform2D: Transform2D;
  /** Godot's `Vector4` as `Vector4`. */
  Vector4: Vector4;
  /** Godot's `Vector4i` as `Vector4i`. */
  Vector4i: Vector4i;
  /** Godot's `Plane` as `Plane`. */
  Plane: Plane;
  /** Godot's `Quaternion` as `Quaternion`. */
  Quaternion: Quaternion;
  /** Godot's `AABB` as `AABB`. */
  AABB: AABB;
  /** Godot's `Basis` as `Basis`. */
  Basis: Basis;
  /** Godot's `Transform3D` as `Transform3D`. */
  Transform3D: Transform3D;
  /** Godot's `Projection` as `Projection`. */
  Projection: Projection;
  /** Godot's `Color` as `Color`. */
  Color: Color;
  /** Godot's `NodePath` as `NodePath`. */
  NodePath: NodePath;
  /** Godot's `RID` as `RID`. */
  RID: RID;
  /** Godot's `Callable` as `Callable`. */
  Callable: Callable;
  /** Godot's `Signal` as `Signal`. */
  Signal: Signal;
  /** Godot's `Dictionary` as `VariantDictionary4` or `VariantRecord4`. */
  Dictionary: VariantDictionary4 | VariantRecord4;
  /** Godot's `Array` as `VariantArray4`. */
  Array: VariantArray4;
  /** Godot's `PackedByteArray` as `Uint8Array`. */
  PackedByteArray: Uint8Array;
  /** Godot's `PackedInt32Array` as `Int32Array`. */
  PackedInt32Array: Int32Array;
  /** Godot's `PackedInt64Array` as `BigInt64Array`. */
  PackedInt64Array: BigInt64Array;
  /** Godot's `PackedFloat32Array` as `Float32Array`. */
  PackedFloat32Array: Float32Array;
  /** Godot's `PackedFloat64Array` as `Float64Array`. */
  PackedFloat64Array: Float64Array;
  /** Godot's `PackedStringArray` as `PackedStringArray`. */
  PackedStringArray: PackedStringArray;
  /** Godot's `PackedVector2Array` as `PackedVector2Array`. */
  PackedVector2Array: PackedVector2Array;
  /** Godot's `PackedVector3Array` as `PackedVector3Array`. */
  PackedVector3Array: PackedVector3Array;
  /** Godot's `PackedColorArray` as `PackedColorArray`. */
  PackedColorArray: PackedColorArray;
  /** Godot's `PackedVector4Array` as `PackedVector4Array`. */
  PackedVector4Array: PackedVector4Array;
}

/** The JS value of one {@link SceneArgType}. */
export type SceneArgValue<T extends SceneArgType> = SceneArgValues[T];

type Check = (value: unknown) => boolean;

/** The types checked without a codec (JS primitives and containers). */
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

/** A class of the codec's table. */
type Class = new () => unknown;

/** Per codec, its classes by Godot 4 type name: built once, read per argument. */
const tables = new WeakMap<VariantCodec, Map<string, Class>>();

/**
 * The Godot 4 name of `cls`, the codec's class for type id `id`: what its `toString` starts with
 * (`Vector2(0, 0)`), else StringName, NodePath or a typed array's `Packed...Array` name. So a build
 * carries the names of its codec's classes only, not a list of every type.
 */
function nameOf(cls: Class, id: number): string | undefined {
  const value = new cls();
  return (
    godotName(value) ??
    (id === 21
      ? 'StringName'
      : id === 22
        ? 'NodePath'
        : ArrayBuffer.isView(value)
          ? `Packed${cls.name.replace('Uint8', 'Byte').replace('BigInt', 'Int')}`
          : undefined)
  );
}

/** The class `codec` writes as `type`, or `undefined` when the codec does not carry it. */
function classOf(type: string, codec: VariantCodec): Class | undefined {
  let table = tables.get(codec);
  if (table === undefined) {
    table = new Map();
    for (const [proto, header] of codec.types) {
      const id = header & 0xff;
      const cls = (proto as { constructor: Class }).constructor;
      // The class types: 5..38 but OBJECT (24, never declarable); the scalars and containers are in
      // CHECKS, 0xff is VariantBytes.
      const name = id > 4 && id < 39 && id !== 24 ? nameOf(cls, id) : undefined;
      if (name !== undefined && !table.has(name)) table.set(name, cls);
    }
    tables.set(codec, table);
  }
  return table.get(type);
}

/**
 * Throws when `codec` cannot decode a declared `type` (a misconfiguration: calls would arrive as
 * `VariantBytes` and always be refused); `what` names the declaration in the message.
 */
export function checkSceneArgType(type: string, codec: VariantCodec, what: string): void {
  if (CHECKS[type] !== undefined || classOf(type, codec) !== undefined) return;
  throw new Error(msg`${what} declares ${notInCodec(type)}`);
}

/**
 * Whether a value fits a declared Godot 4 type (a whole-number float also fits `int`); class types
 * are recognised through `codec`'s table (an instance of a class it does not carry fits nothing).
 */
export function fitsSceneArgType(value: unknown, type: SceneArgType, codec: VariantCodec): boolean {
  const check = CHECKS[type];
  if (check !== undefined) return check(value);
  const cls = classOf(type, codec);
  return cls !== undefined && value instanceof cls;
}

/** The index of the first argument that does not fit `types`, `-1` when all fit, `-2` for a wrong count. */
export function firstSceneArgMismatch(
  args: readonly unknown[],
  types: readonly SceneArgType[],
  codec: VariantCodec,
): number {
  if (args.length !== types.length) return -2;
  for (let i = 0; i < args.length; i++) if (!fitsSceneArgType(args[i], types[i] as SceneArgType, codec)) return i;
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
 * `'Variant'` or no type. A class type must be one `codec` carries ({@link checkSceneArgType}).
 */
export function zeroSceneArg(type: SceneArgType | undefined, codec: VariantCodec): unknown {
  if (type === undefined) return null;
  if (type in ZEROS) return ZEROS[type];
  if (type === 'Dictionary') return new Map();
  if (type === 'Array') return [];
  return new (classOf(type, codec) as Class)();
}

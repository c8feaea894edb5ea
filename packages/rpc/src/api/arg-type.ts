import { msg } from '@wspeer/core';
import { Real, type VariantCodec } from '@wspeer/variant';

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

/**
 * Godot 3.2's type names by type id (`core/variant.h`), then (27..29) the classes of POOL_BYTE/INT/REAL_ARRAY
 * for {@link optIn}. OBJECT (17), never declarable, repeats `Nil` so `indexOf` never returns 17: `'Object'`
 * is an unknown type. Argument checks go through the codec's own class table, so a build carries the
 * code of the types its codec has, not of every type.
 */
const NAMES =
  'Nil bool int float String Vector2 Rect2 Vector3 Transform2D Plane Quat AABB Basis Transform Color NodePath RID Nil Dictionary Array PoolByteArray PoolIntArray PoolRealArray PoolStringArray PoolVector2Array PoolVector3Array PoolColorArray Uint8Array Int32Array Float32Array'.split(
    ' ',
  );

/** The `typeof` of the primitive types by type id (bool 1, int 2 as a bigint, float 3, String 4). */
const PRIMITIVE_TYPES = ['', 'boolean', 'bigint', 'number', 'string'];

/**
 * The type id of a decoded value in `codec` (every number: FLOAT), or a number above every type id
 * (255, or -1) when it has none. Decoded values are canonical (`null`, arrays, and instances of exactly
 * the codec's classes, `Map` for dictionaries), so the class is the prototype's, found in the codec's
 * table (`VariantBytes` maps to the codec's sentinel, 255).
 */
function typeIdOf(value: unknown, codec: VariantCodec): number {
  const type = typeof value;
  if (type !== 'object') return PRIMITIVE_TYPES.indexOf(type);
  if (value === null) return 0;
  if (Array.isArray(value)) return codec.arrayType;
  return (codec.types.get(Object.getPrototypeOf(value)) ?? -1) & 0xff;
}

/**
 * The type id of a declared type (`-1` for `'Variant'`), checked against `codec` at declaration: a
 * type the codec does not decode would arrive as `VariantBytes` and every call would be refused, so
 * it throws (a misconfiguration), as does an unknown name. `what` names the member in the message.
 */
export function argTypeId(type: ArgType, codec: VariantCodec, what: string): number {
  if (type === 'Variant') return -1;
  const id = NAMES.indexOf(type);
  if (id < 0 || id > 26) throw new Error(msg`${what}: unknown type "${type}".`);
  if (id < 5 || id === codec.arrayType) return id;
  for (const header of codec.types.values()) if ((header & 0xff) === id) return id;
  throw new Error(msg`${what}: the codec does not decode ${type}; give MultiplayerAPI ${optIn(type)}.`);
}

/**
 * How to give `MultiplayerAPI` a Godot 3 type: `type` is its name or the class of a value
 * (`Uint8Array`: `godot3PoolByteArray`). Empty for a class no Godot 3 codec encodes (a user class, a
 * boxed `String`) and for the core types, which every codec has.
 */
export function optIn(type: string): string {
  let id = NAMES.indexOf(type);
  if (id > 26) id -= 7; // a typed array: POOL_BYTE/INT/REAL_ARRAY
  return id > 4 && (id < 17 || id > 19)
    ? msg`codec: godot3Codec, or withTypes(godot3CoreCodec, godot3${NAMES[id]})`
    : '';
}

/**
 * Whether a (decoded) value fits a declared type id (see {@link argTypeId}), classes as `codec` maps
 * them. A number fits `float` (whole ones, as decoded floats come, also fit `int`).
 */
export function fitsArgType(value: unknown, id: number, codec: VariantCodec): boolean {
  return id < 0 || typeIdOf(value, codec) === id || (id === 2 && Number.isInteger(value));
}

/** Prepares a value for sending as type `id`: a plain number declared `float` goes out as Godot float. */
export function coerceArg(value: unknown, id: number | undefined): unknown {
  return id === 3 && typeof value === 'number' ? new Real(value) : value;
}

/** The first argument that does not fit type ids `types` (by index), `-1` when all fit, `-2` for a count mismatch. */
export function firstMismatch(args: readonly unknown[], types: readonly number[], codec: VariantCodec): number {
  if (args.length !== types.length) return -2;
  for (let i = 0; i < args.length; i++) if (!fitsArgType(args[i], types[i] as number, codec)) return i;
  return -1;
}

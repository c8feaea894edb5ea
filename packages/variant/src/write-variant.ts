import { ErrorCode } from '@wspeer/core';
import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import type { ByteWriter } from './byte-writer.js';
import { Color } from './color.js';
import { DEFAULT_MAX_DEPTH } from './default-max-depth.js';
import {
  writeAABBBody,
  writeBasisBody,
  writeColorBody,
  writePlaneBody,
  writeQuatBody,
  writeRect2Body,
  writeTransform2DBody,
  writeTransformBody,
  writeVector2Body,
  writeVector3Body,
} from './math-writers.js';
import { NodePath } from './node-path.js';
import { writeBigInt, writeNumber, writeReal } from './number-writers.js';
import { Plane } from './plane.js';
import { PoolColorArray } from './pool-color-array.js';
import { PoolStringArray } from './pool-string-array.js';
import { PoolVector2Array } from './pool-vector2-array.js';
import { PoolVector3Array } from './pool-vector3-array.js';
import {
  writePoolColorArrayBody,
  writePoolVector2ArrayBody,
  writePoolVector3ArrayBody,
  writeTypedArrayBody,
} from './pool-writers.js';
import { Quat } from './quat.js';
import { Real } from './real.js';
import { Rect2 } from './rect2.js';
import { RID } from './rid.js';
import { writeNodePathBody, writePoolStringArrayBody, writeStringBody } from './string-writers.js';
import { Transform } from './transform.js';
import { Transform2D } from './transform2d.js';
import type { Variant } from './variant.js';
import { VariantError } from './variant-error.js';
import * as T from './variant-type-values.js';
import { Vector2 } from './vector2.js';
import { Vector3 } from './vector3.js';

/**
 * Writes the body of one object value (after its header). Declared through a method type so its
 * `value` parameter is bivariant: each entry of the table below takes its own class, without casts.
 */
type BodyWriter = { write(w: ByteWriter, value: object, depth: number): void }['write'];

/** Containers on the path from the root to the value being written, to detect cycles. */
const path: object[] = [];

/**
 * Appends `value` to `w` as a Godot 3.2 Variant, byte for byte as Godot's `encode_variant` would
 * (see {@link Variant} for the type mapping). On error nothing is appended.
 * @throws VariantError (`ERR_INVALID_PARAMETER`) for values with no Variant form: functions, symbols,
 * unknown class instances, cycles, nesting deeper than {@link DEFAULT_MAX_DEPTH}, integral numbers
 * beyond 2^53 and bigints beyond int64.
 */
export function writeVariant(w: ByteWriter, value: Variant): void {
  const start = w.length;
  try {
    writeValue(w, value, 0);
  } catch (error) {
    w.truncate(start);
    throw error;
  } finally {
    if (path.length !== 0) path.length = 0;
  }
}

function writeValue(w: ByteWriter, value: unknown, depth: number): void {
  switch (typeof value) {
    case 'number':
      writeNumber(w, value);
      break;
    case 'string':
      w.u32(T.STRING);
      writeStringBody(w, value);
      break;
    case 'boolean':
      w.u32(T.BOOL);
      w.u32(value ? 1 : 0);
      break;
    case 'bigint':
      writeBigInt(w, value);
      break;
    case 'undefined':
      w.u32(T.NIL);
      break;
    case 'object':
      if (value === null) w.u32(T.NIL);
      else writeObject(w, value, depth);
      break;
    default:
      throw unsupported(value);
  }
}

function writeObject(w: ByteWriter, value: object, depth: number): void {
  const type = typeOf(value);
  if (type === undefined) throw unsupported(value);
  if (type === T.REAL) {
    writeReal(w, (value as Real).value);
  } else {
    w.u32(type);
    const body = BODIES[type];
    if (body) body(w, value, depth);
  }
}

/**
 * The type id of an object: ARRAY for arrays, DICTIONARY for plain objects, else that of its class,
 * found by prototype (so subclasses work); `undefined` for other objects.
 */
function typeOf(value: object): number | undefined {
  if (Array.isArray(value)) return T.ARRAY;
  const proto: object | null = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return T.DICTIONARY;
  for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const type = TYPES.get(p);
    if (type !== undefined) return type;
  }
  return undefined;
}

function writeArrayBody(w: ByteWriter, array: readonly unknown[], depth: number): void {
  enter(array, depth);
  w.u32(array.length);
  for (let i = 0; i < array.length; i++) writeValue(w, array[i], depth + 1);
}

/** A `Map` (any keys) or a plain object (string keys, `Object.keys` order). */
function writeDictionaryBody(
  w: ByteWriter,
  dict: ReadonlyMap<unknown, unknown> | { readonly [key: string]: unknown },
  depth: number,
): void {
  enter(dict, depth);
  if (dict instanceof Map) {
    w.u32(dict.size);
    for (const [key, item] of dict) {
      writeValue(w, key, depth + 1);
      writeValue(w, item, depth + 1);
    }
  } else {
    const record = dict as { readonly [key: string]: unknown };
    const keys = Object.keys(record);
    w.u32(keys.length);
    for (const key of keys) {
      w.u32(T.STRING);
      writeStringBody(w, key);
      writeValue(w, record[key], depth + 1);
    }
  }
}

/** Records a container at `depth`, refusing cycles and too deep nesting. */
function enter(container: object, depth: number): void {
  for (let i = 0; i < depth; i++) {
    if (path[i] === container) throw invalid('a cyclic structure (an array or dictionary that contains itself)');
  }
  if (depth >= DEFAULT_MAX_DEPTH) throw invalid(`arrays/dictionaries nested deeper than ${DEFAULT_MAX_DEPTH} levels`);
  path[depth] = container;
}

/** The class written as each type id (0: none). REAL: `Real`; DICTIONARY: `Map` (plain objects too). */
const CLASSES = [
  0,
  0,
  0,
  Real,
  0,
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
  0,
  Map,
  0,
  Uint8Array,
  Int32Array,
  Float32Array,
  PoolStringArray,
  PoolVector2Array,
  PoolVector3Array,
  PoolColorArray,
] as const;

/** Type ids by class prototype. */
const TYPES = new Map<object, number>();
CLASSES.forEach((type, id) => {
  if (type !== 0) TYPES.set(type.prototype, id);
});

/** Body writers by type id (none for NIL, RID and the types written without a class). */
const BODIES: readonly (BodyWriter | 0)[] = [
  0,
  0,
  0,
  0,
  0,
  writeVector2Body,
  writeRect2Body,
  writeVector3Body,
  writeTransform2DBody,
  writePlaneBody,
  writeQuatBody,
  writeAABBBody,
  writeBasisBody,
  writeTransformBody,
  writeColorBody,
  writeNodePathBody,
  0,
  0,
  writeDictionaryBody,
  writeArrayBody,
  writeTypedArrayBody,
  writeTypedArrayBody,
  writeTypedArrayBody,
  writePoolStringArrayBody,
  writePoolVector2ArrayBody,
  writePoolVector3ArrayBody,
  writePoolColorArrayBody,
];

function unsupported(value: unknown): VariantError {
  if (typeof value !== 'object' || value === null) return invalid(`a ${typeof value}`);
  const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
  return invalid(`an instance of ${typeof name === 'string' && name !== '' ? name : 'an unknown class'}`);
}

function invalid(what: string): VariantError {
  return new VariantError(`Cannot encode ${what} as a Godot Variant`, ErrorCode.ERR_INVALID_PARAMETER);
}

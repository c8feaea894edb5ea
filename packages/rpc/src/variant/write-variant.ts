import { ErrorCode } from '@wspeer/core';
import { AABB } from './aabb.js';
import { Basis } from './basis.js';
import type { ByteWriter } from './byte-writer.js';
import { Color } from './color.js';
import { DEFAULT_MAX_DEPTH } from './default-max-depth.js';
import {
  writeAABB,
  writeBasis,
  writeColor,
  writePlane,
  writeQuat,
  writeRect2,
  writeTransform,
  writeTransform2D,
  writeVector2,
  writeVector3,
} from './math-writers.js';
import { NodePath } from './node-path.js';
import { writeBigInt, writeNumber, writeReal } from './number-writers.js';
import { Plane } from './plane.js';
import { PoolColorArray } from './pool-color-array.js';
import { PoolStringArray } from './pool-string-array.js';
import { PoolVector2Array } from './pool-vector2-array.js';
import { PoolVector3Array } from './pool-vector3-array.js';
import {
  writePoolByteArray,
  writePoolColorArray,
  writePoolIntArray,
  writePoolRealArray,
  writePoolVector2Array,
  writePoolVector3Array,
} from './pool-writers.js';
import { Quat } from './quat.js';
import { Real } from './real.js';
import { Rect2 } from './rect2.js';
import { RID } from './rid.js';
import { writeNodePath, writePoolStringArray, writeString } from './string-writers.js';
import { Transform } from './transform.js';
import { Transform2D } from './transform2d.js';
import type { Variant } from './variant.js';
import { VariantError } from './variant-error.js';
import { VariantType } from './variant-type.js';
import { Vector2 } from './vector2.js';
import { Vector3 } from './vector3.js';

/**
 * Writes one object value. Declared through a method type so its `value` parameter is bivariant:
 * each entry of the table below takes its own class, without casts.
 */
type ObjectWriter = { write(w: ByteWriter, value: object, depth: number): void }['write'];

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
      writeString(w, value);
      break;
    case 'boolean':
      w.u32(VariantType.BOOL);
      w.u32(value ? 1 : 0);
      break;
    case 'bigint':
      writeBigInt(w, value);
      break;
    case 'undefined':
      w.u32(VariantType.NIL);
      break;
    case 'object':
      if (value === null) w.u32(VariantType.NIL);
      else writeObject(w, value, depth);
      break;
    default:
      throw unsupported(value);
  }
}

function writeObject(w: ByteWriter, value: object, depth: number): void {
  const write = writerFor(value);
  if (write === undefined) throw unsupported(value);
  write(w, value, depth);
}

/** The writer for a value's class, found by prototype (so subclasses work), or `undefined`. */
function writerFor(value: object): ObjectWriter | undefined {
  if (Array.isArray(value)) return writeArray;
  const proto: object | null = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return writeRecord;
  for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const write = WRITERS.get(p);
    if (write !== undefined) return write;
  }
  return undefined;
}

function writeArray(w: ByteWriter, array: readonly unknown[], depth: number): void {
  enter(array, depth);
  w.u32(VariantType.ARRAY);
  w.u32(array.length);
  for (let i = 0; i < array.length; i++) writeValue(w, array[i], depth + 1);
}

function writeMap(w: ByteWriter, map: ReadonlyMap<unknown, unknown>, depth: number): void {
  enter(map, depth);
  w.u32(VariantType.DICTIONARY);
  w.u32(map.size);
  for (const [key, item] of map) {
    writeValue(w, key, depth + 1);
    writeValue(w, item, depth + 1);
  }
}

function writeRecord(w: ByteWriter, record: { readonly [key: string]: unknown }, depth: number): void {
  enter(record, depth);
  const keys = Object.keys(record);
  w.u32(VariantType.DICTIONARY);
  w.u32(keys.length);
  for (const key of keys) {
    writeString(w, key);
    writeValue(w, record[key], depth + 1);
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

function writeRealObject(w: ByteWriter, real: Real): void {
  writeReal(w, real.value);
}

function writeRid(w: ByteWriter): void {
  w.u32(VariantType._RID);
}

const WRITERS = new Map<object, ObjectWriter>([
  [Map.prototype, writeMap],
  [Vector2.prototype, writeVector2],
  [Vector3.prototype, writeVector3],
  [Uint8Array.prototype, writePoolByteArray],
  [Real.prototype, writeRealObject],
  [Color.prototype, writeColor],
  [NodePath.prototype, writeNodePath],
  [Rect2.prototype, writeRect2],
  [Transform2D.prototype, writeTransform2D],
  [Plane.prototype, writePlane],
  [Quat.prototype, writeQuat],
  [AABB.prototype, writeAABB],
  [Basis.prototype, writeBasis],
  [Transform.prototype, writeTransform],
  [RID.prototype, writeRid],
  [Int32Array.prototype, writePoolIntArray],
  [Float32Array.prototype, writePoolRealArray],
  [PoolStringArray.prototype, writePoolStringArray],
  [PoolVector2Array.prototype, writePoolVector2Array],
  [PoolVector3Array.prototype, writePoolVector3Array],
  [PoolColorArray.prototype, writePoolColorArray],
]);

function unsupported(value: unknown): VariantError {
  if (typeof value !== 'object' || value === null) return invalid(`a ${typeof value}`);
  const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
  return invalid(`an instance of ${typeof name === 'string' && name !== '' ? name : 'an unknown class'}`);
}

function invalid(what: string): VariantError {
  return new VariantError(`Cannot encode ${what} as a Godot Variant`, ErrorCode.ERR_INVALID_PARAMETER);
}

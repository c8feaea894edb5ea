import { ErrorCode, msg } from '@wspeer/core';
import type { ByteWriter } from './byte-writer.js';
import { DEFAULT_MAX_DEPTH } from './default-max-depth.js';
import { writeBigInt, writeNumber } from './number-writers.js';
import { writeStringBody } from './string-writers.js';
import type { VariantCodec } from './variant-codec.js';
import { VariantError } from './variant-error.js';
import * as T from './variant-type-values.js';

/** Containers on the path from the root to the value being written, to detect cycles. */
const path: object[] = [];

/** Whether the write in progress puts float64 reals (the codec's `realWrite`), for {@link writeRealComponent}. */
let wide = false;

/** Appends one real component of a math body: float64 for a double-precision table, else float32. For body writers only. */
export function writeRealComponent(w: ByteWriter, value: number): void {
  if (wide) w.f64(value);
  else w.f32(value);
}

/** Whether the write in progress puts float64 reals, for body writers that size their data. */
export const writingWide = (): boolean => wide;

/**
 * Appends `value` to `w` as one Variant of `codec`'s engine version, byte for byte as that version's
 * `encode_variant` writes it. On error nothing is appended.
 * @throws VariantError (`ERR_INVALID_PARAMETER`) for values with no Variant form in that version:
 * functions, symbols, instances of classes outside its table, cycles, nesting deeper than
 * `DEFAULT_MAX_DEPTH`, integral numbers beyond 2^53 and bigints beyond int64.
 */
export function writeVariantWith<V>(codec: VariantCodec<V>, w: ByteWriter, value: V): void {
  const start = w.length;
  const outer = wide; // a getter may encode with another codec while this write runs
  wide = codec.realWrite !== 0;
  try {
    writeValue(w, value, 0, codec);
  } catch (error) {
    w.truncate(start);
    throw error;
  } finally {
    wide = outer;
    // Drops the references to the containers written (needed after every write that had any).
    if (path.length !== 0) path.length = 0;
  }
}

/**
 * The shared encoder: appends `value` as one Variant of `codec`'s version. Primitives have the same
 * ids in Godot 3 and 4 (NIL 0, BOOL 1, INT 2, FLOAT 3, STRING 4); arrays, plain objects and class
 * instances go through the codec's table. Throws {@link VariantError} for values with no Variant
 * form; `writeVariantWith` undoes the partial write.
 */
export function writeValue(w: ByteWriter, value: unknown, depth: number, codec: VariantCodec): void {
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
      else writeObject(w, value, depth, codec);
      break;
    default:
      throw invalid(msg`a ${typeof value}`, codec);
  }
}

/** Records a container at `depth`, refusing cycles and too deep nesting. */
export function enter(container: object, depth: number, codec: VariantCodec): void {
  for (let i = 0; i < depth; i++) {
    if (path[i] === container) {
      throw invalid(msg`a cyclic array or dictionary`, codec);
    }
  }
  if (depth >= DEFAULT_MAX_DEPTH) {
    throw invalid(msg`containers nested deeper than ${DEFAULT_MAX_DEPTH}`, codec);
  }
  path[depth] = container;
}

/** A {@link VariantError} (`ERR_INVALID_PARAMETER`) saying what cannot be encoded in `codec`'s version (`className`: an instance's class). */
export function invalid(what: string, codec: VariantCodec, className?: string): VariantError {
  return new VariantError(
    msg`Cannot encode ${what} as a Godot ${codec.version} Variant`,
    ErrorCode.ERR_INVALID_PARAMETER,
    className,
  );
}

function writeObject(w: ByteWriter, value: object, depth: number, codec: VariantCodec): void {
  const header = headerOf(value, codec);
  w.u32(header);
  const write = codec.writers[header & 0xff];
  if (write) write(w, value, depth, codec);
}

/**
 * The header word of an object: ARRAY for arrays, DICTIONARY for plain objects, else that of its
 * class, found by prototype (so subclasses work). Refuses other objects.
 */
function headerOf(value: object, codec: VariantCodec): number {
  if (Array.isArray(value)) return codec.arrayType;
  const proto: object | null = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return codec.dictionaryType;
  // Up to Object.prototype and null, which no table holds.
  for (let p: object | null = proto; p !== null; p = Object.getPrototypeOf(p)) {
    const type = codec.types.get(p);
    if (type !== undefined) return type;
  }
  const name: unknown = proto.constructor?.name;
  const className = typeof name === 'string' ? name : '';
  throw invalid(msg`an instance of ${className || msg`an unknown class`}`, codec, className);
}

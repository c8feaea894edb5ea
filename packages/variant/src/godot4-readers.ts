import type { ByteReader } from './byte-reader.js';
import { Callable } from './callable.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { EncodedObjectAsID } from './encoded-object-as-id.js';
import { RID } from './rid.js';
import { Signal } from './signal.js';
import { StringName } from './string-name.js';
import { readStringBody } from './string-readers.js';
import { readU64 } from './u64.js';
import * as T from './variant-type-values.js';

// Body readers of the Godot 4 types that are neither math nor containers (`core/io/marshalls.cpp`,
// `decode_variant`). The caller has checked the minimum body size.

/** STRING_NAME: a string body. */
export function readStringName(r: ByteReader): StringName | DecodeFailed {
  const text = readStringBody(r);
  return text === DECODE_FAILED ? DECODE_FAILED : new StringName(text);
}

/** RID: a uint64 id. */
export const readRID = (r: ByteReader): RID => new RID(readU64(r));

/**
 * OBJECT: only the id form (header flag `ENCODE_FLAG_OBJECT_AS_ID`, then a uint64; 8 bytes remain).
 * A full object (class name and properties) is refused, as Godot does when object decoding is not
 * allowed (`ERR_UNAUTHORIZED`).
 */
export function readObjectId(r: ByteReader, header: number): EncodedObjectAsID | DecodeFailed {
  return header & T.ENCODE_FLAG_64 ? new EncodedObjectAsID(readU64(r)) : DECODE_FAILED;
}

/** CALLABLE: no body; always an empty Callable. */
export const readCallable = (): Callable => new Callable();

/** SIGNAL: the name (a string body), then the object id (a uint64). */
export function readSignal(r: ByteReader): Signal | DecodeFailed {
  const name = readStringBody(r);
  if (name === DECODE_FAILED || r.remaining < 8) return DECODE_FAILED;
  return new Signal(readU64(r), name);
}

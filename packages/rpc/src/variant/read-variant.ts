import type { ByteReader } from './byte-reader.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { DEFAULT_MAX_DEPTH } from './default-max-depth.js';
import {
  readAABB,
  readBasis,
  readColor,
  readPlane,
  readQuat,
  readRect2,
  readTransform,
  readTransform2D,
  readVector2,
  readVector3,
} from './math-readers.js';
import {
  readPoolByteArray,
  readPoolColorArray,
  readPoolIntArray,
  readPoolRealArray,
  readPoolVector2Array,
  readPoolVector3Array,
} from './pool-readers.js';
import { RID } from './rid.js';
import { readNodePath, readPoolStringArray, readStringBody } from './string-readers.js';
import type { Variant } from './variant.js';
import { ENCODE_FLAG_64 } from './variant-type.js';

/** Reads one Variant body; `header` is the Variant's first word, `depth` the container levels still allowed. */
type BodyReader = (r: ByteReader, header: number, depth: number) => Variant | DecodeFailed;

/**
 * Reads one Godot 3.2 Variant at `r.pos` and moves past it, or returns {@link DECODE_FAILED} (the
 * position is then unspecified). Never throws and never reads past `r.end`: every length and count is
 * checked against the remaining bytes before anything is allocated. Fails on truncated input, unknown
 * types (>= 27), OBJECT (objects are not allowed, as with Godot's `allow_objects = false`), invalid
 * UTF-8, the pre-3.0 NodePath format, and ARRAY/DICTIONARY nesting deeper than `maxDepth`.
 */
export function readVariant(r: ByteReader, maxDepth: number = DEFAULT_MAX_DEPTH): Variant | DecodeFailed {
  if (r.remaining < 4) return DECODE_FAILED;
  const header = r.u32();
  const read = READERS[header & 0xff];
  return read === undefined ? DECODE_FAILED : read(r, header, maxDepth);
}

function readNil(): null {
  return null;
}

function readBool(r: ByteReader): boolean | DecodeFailed {
  return r.remaining < 4 ? DECODE_FAILED : r.u32() !== 0;
}

function readInt(r: ByteReader, header: number): number | bigint | DecodeFailed {
  if ((header & ENCODE_FLAG_64) !== 0) return r.remaining < 8 ? DECODE_FAILED : r.i64();
  return r.remaining < 4 ? DECODE_FAILED : r.i32();
}

function readReal(r: ByteReader, header: number): number | DecodeFailed {
  if ((header & ENCODE_FLAG_64) !== 0) return r.remaining < 8 ? DECODE_FAILED : r.f64();
  return r.remaining < 4 ? DECODE_FAILED : r.f32();
}

function readRid(): RID {
  return new RID();
}

function refuseObject(): DecodeFailed {
  return DECODE_FAILED;
}

function readArray(r: ByteReader, _header: number, depth: number): Variant[] | DecodeFailed {
  if (!(depth > 0) || r.remaining < 4) return DECODE_FAILED;
  const count = r.u32() & 0x7fffffff; // bit 31 is Godot's "shared" flag
  if (count * 4 > r.remaining) return DECODE_FAILED;
  const items: Variant[] = [];
  for (let i = 0; i < count; i++) {
    const item = readVariant(r, depth - 1);
    if (item === DECODE_FAILED) return DECODE_FAILED;
    items.push(item);
  }
  return items;
}

function readDictionary(r: ByteReader, _header: number, depth: number): Map<Variant, Variant> | DecodeFailed {
  if (!(depth > 0) || r.remaining < 4) return DECODE_FAILED;
  const count = r.u32() & 0x7fffffff; // bit 31 is Godot's "shared" flag
  if (count * 8 > r.remaining) return DECODE_FAILED;
  const map = new Map<Variant, Variant>();
  for (let i = 0; i < count; i++) {
    const key = readVariant(r, depth - 1);
    if (key === DECODE_FAILED) return DECODE_FAILED;
    const value = readVariant(r, depth - 1);
    if (value === DECODE_FAILED) return DECODE_FAILED;
    map.set(key, value);
  }
  return map;
}

/** Body readers indexed by type id (`header & 0xff`); ids 27..255 have none. */
const READERS: readonly BodyReader[] = [
  readNil,
  readBool,
  readInt,
  readReal,
  readStringBody,
  readVector2,
  readRect2,
  readVector3,
  readTransform2D,
  readPlane,
  readQuat,
  readAABB,
  readBasis,
  readTransform,
  readColor,
  readNodePath,
  readRid,
  refuseObject,
  readDictionary,
  readArray,
  readPoolByteArray,
  readPoolIntArray,
  readPoolRealArray,
  readPoolStringArray,
  readPoolVector2Array,
  readPoolVector3Array,
  readPoolColorArray,
];

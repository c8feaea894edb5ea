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
import { readPoolColorArray, readPoolVector2Array, readPoolVector3Array, readTypedArray } from './pool-readers.js';
import { RID } from './rid.js';
import { readNodePath, readPoolStringArray, readStringBody } from './string-readers.js';
import type { Variant } from './variant.js';
import * as T from './variant-type-values.js';

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
  const type = header & 0xff;
  const read = READERS[type];
  return read === undefined || r.remaining < (MIN_BODY[type] as number) ? DECODE_FAILED : read(r, header, maxDepth);
}

/**
 * Bytes each type's body needs at least, by type id: the whole body of the fixed-size types, the
 * first word (a length or count) of the others, 12 for NODE_PATH's three words.
 */
const MIN_BODY: readonly number[] = [
  0, 4, 4, 4, 4, 8, 16, 12, 24, 16, 16, 24, 36, 48, 16, 12, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4,
];

function readNumber(r: ByteReader, header: number): number | bigint | DecodeFailed {
  const int = (header & 0xff) === T.INT;
  if ((header & T.ENCODE_FLAG_64) === 0) return int ? r.i32() : r.f32();
  return r.remaining < 8 ? DECODE_FAILED : int ? r.i64() : r.f64();
}

function readArray(r: ByteReader, _header: number, depth: number): Variant[] | DecodeFailed {
  const count = r.u32() & 0x7fffffff; // bit 31 is Godot's "shared" flag
  if (!(depth > 0) || count * 4 > r.remaining) return DECODE_FAILED;
  const items: Variant[] = [];
  for (let i = 0; i < count; i++) {
    const item = readVariant(r, depth - 1);
    if (item === DECODE_FAILED) return DECODE_FAILED;
    items.push(item);
  }
  return items;
}

function readDictionary(r: ByteReader, _header: number, depth: number): Map<Variant, Variant> | DecodeFailed {
  const count = r.u32() & 0x7fffffff; // bit 31 is Godot's "shared" flag
  if (!(depth > 0) || count * 8 > r.remaining) return DECODE_FAILED;
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
  () => null,
  (r) => r.u32() !== 0,
  readNumber,
  readNumber,
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
  () => new RID(),
  () => DECODE_FAILED, // OBJECT: refused, as with Godot's `allow_objects = false`
  readDictionary,
  readArray,
  (r) => readTypedArray(r, 1, Uint8Array),
  (r) => readTypedArray(r, 4, Int32Array),
  (r) => readTypedArray(r, 4, Float32Array),
  readPoolStringArray,
  readPoolVector2Array,
  readPoolVector3Array,
  readPoolColorArray,
];

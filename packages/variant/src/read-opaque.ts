import type { ByteReader } from './byte-reader.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { pad4 } from './pad4.js';
import { readStringBody } from './string-readers.js';
import { VariantBytes } from './variant-bytes.js';
import type { VariantCodec } from './variant-codec.js';
import { ENCODE_FLAG_64 } from './variant-type-values.js';

/**
 * Element bytes of Godot 4's packed arrays, ids 29..38: negative for reals (twice as many with the
 * codec's `realFlag`), 0 for PACKED_STRING_ARRAY's strings.
 */
const PACKED = [1, 4, 8, 4, 8, 0, -8, -12, 16, -16];

/**
 * Element bytes of Godot 3's pools, ids 20..26 (POOL_BYTE/INT/REAL_ARRAY, POOL_STRING_ARRAY's strings as 0,
 * POOL_VECTOR2/VECTOR3/COLOR_ARRAY).
 */
const POOLS3 = [1, 4, 4, 0, 8, 12, 16];

/**
 * The body reader of `godot4CoreCodec` for the types it does not decode: finds where the body ends,
 * checking it as the real reader would (lengths and counts against the input, UTF-8, the NodePath
 * format, OBJECT's id form), and returns the whole encoding, header included, as a
 * {@link VariantBytes} (a copy). The caller has checked the minimum body size.
 */
export function readOpaque(
  r: ByteReader,
  header: number,
  _depth: number,
  codec: VariantCodec,
): VariantBytes | DecodeFailed {
  const start = r.pos - 4;
  return wrap(r, start, skipBody(r, header, codec));
}

/**
 * {@link readOpaque} for `godot3CoreCodec` (Godot 3 ids: NODE_PATH 15, the pools 20..26, else a
 * fixed-size body). A function of its own so Godot 4 bundles do not carry it.
 */
export function readOpaque3(
  r: ByteReader,
  header: number,
  _depth: number,
  codec: VariantCodec,
): VariantBytes | DecodeFailed {
  const start = r.pos - 4;
  const id = header & 0xff;
  const ok =
    id === 15 ? skipNodePath(r) : id >= 20 ? skipPacked(r, POOLS3[id - 20] as number, 0) : skipFixed(r, header, codec);
  return wrap(r, start, ok);
}

function wrap(r: ByteReader, start: number, ok: boolean): VariantBytes | DecodeFailed {
  return ok ? new VariantBytes(r.bytes.slice(start, r.pos)) : DECODE_FAILED;
}

/** A count, then the elements; a byte array's padding may be cut off by the end of the input, as in Godot. */
function skipPacked(r: ByteReader, size: number, wide: number): boolean {
  const count = r.u32();
  if (size === 0) return skipStrings(r, count);
  const bytes = count * (size > 0 ? size : wide ? -2 * size : -size);
  if (bytes > r.remaining) return false;
  r.pos += bytes;
  r.skip(pad4(bytes));
  return true;
}

/** Moves `r` past a Godot 4 body; `false` when it is not well formed. */
function skipBody(r: ByteReader, header: number, codec: VariantCodec): boolean {
  const id = header & 0xff;
  if (id > 28) return skipPacked(r, PACKED[id - 29] as number, header & codec.realFlag);
  switch (id) {
    case 21: // STRING_NAME
      return readStringBody(r) !== DECODE_FAILED;
    case 22:
      return skipNodePath(r);
    case 24: // OBJECT: only the id form (8 bytes remain when the flag is set).
      if ((header & ENCODE_FLAG_64) === 0) return false;
      break;
    case 26: // SIGNAL: a name, then a uint64.
      if (readStringBody(r) === DECODE_FAILED || r.remaining < 8) return false;
      r.pos += 8;
      return true;
  }
  return skipFixed(r, header, codec);
}

/** A fixed-size body: its minimum size (already checked against the input) is its size. */
function skipFixed(r: ByteReader, header: number, codec: VariantCodec): boolean {
  r.pos += (header & codec.realFlag ? (codec.minBody64 as readonly number[]) : codec.minBody)[header & 0xff] as number;
  return true;
}

/** NODE_PATH (Godot 3 and 4): the "new" format's counts and flags (12 bytes remain), then the names. */
function skipNodePath(r: ByteReader): boolean {
  const first = r.u32();
  const count = (first & 0x7fffffff) + r.u32() + ((r.u32() & 2) >>> 1);
  return (first & 0x80000000) !== 0 && skipStrings(r, count);
}

function skipStrings(r: ByteReader, count: number): boolean {
  if (count * 4 > r.remaining) return false;
  for (let i = 0; i < count; i++) if (readStringBody(r) === DECODE_FAILED) return false;
  return true;
}

import type { ByteReader } from './byte-reader.js';
import { DECODE_FAILED } from './decode-failed.js';
import { pad4 } from './pad4.js';
import { readStringBody } from './string-readers.js';
import { VariantBytes } from './variant-bytes.js';
import type { BodyReader, VariantCodec } from './variant-codec.js';
import { ENCODE_FLAG_64 } from './variant-type-values.js';

// Readers for a codec that does not decode a type: they find where its body ends, checking it as the
// real reader would (lengths and counts against the input, UTF-8, the NodePath format), and return
// the whole encoding as VariantBytes. The caller has checked the minimum body size.

/** Moves `r` past a body; `false` when it is not well formed. */
type Skip = (r: ByteReader, header: number, codec: VariantCodec) => boolean;

/** A reader that skips a body with `skip` and keeps the header and body as {@link VariantBytes}. */
export function opaque(skip: Skip): BodyReader {
  return (r, header, _depth, codec) => {
    const start = r.pos - 4;
    return skip(r, header, codec) ? new VariantBytes(r.bytes.slice(start, r.pos)) : DECODE_FAILED;
  };
}

/** A fixed-size body: its minimum size is its size (float64 reals with the codec's `realFlag`). */
export const skipFixed: Skip = (r, header, codec) => {
  const sizes = header & codec.realFlag ? (codec.minBody64 as readonly number[]) : codec.minBody;
  r.pos += sizes[header & 0xff] as number;
  return true;
};

/** A string body (STRING_NAME). */
export const skipString: Skip = (r) => readStringBody(r) !== DECODE_FAILED;

/** OBJECT: only the id form (8 bytes remain when the flag is set). */
export const skipObjectId: Skip = (r, header) => {
  if ((header & ENCODE_FLAG_64) === 0) return false;
  r.pos += 8;
  return true;
};

/** SIGNAL: a name, then a uint64. */
export const skipSignal: Skip = (r) => {
  if (readStringBody(r) === DECODE_FAILED || r.remaining < 8) return false;
  r.pos += 8;
  return true;
};

/** NODE_PATH: the "new" format's counts and flags (12 bytes remain), then the names. */
export const skipNodePath: Skip = (r) => {
  const first = r.u32();
  const subnames = r.u32() + ((r.u32() & 2) >>> 1);
  return (first & 0x80000000) !== 0 && skipStrings(r, (first & 0x7fffffff) + subnames);
};

/** PACKED_STRING_ARRAY: a count, then the strings. */
export const skipStringList: Skip = (r) => skipStrings(r, r.u32());

/**
 * A number or vector pool: a count, then `size`-byte elements (twice that with the codec's
 * `realFlag` when `real`); a byte pool's padding may be cut off by the end of the input, as in Godot.
 */
export function skipPool(size: number, real = false): Skip {
  return (r, header, codec) => {
    const count = r.u32();
    const bytes = count * (real && header & codec.realFlag ? size * 2 : size);
    if (bytes > r.remaining) return false;
    r.pos += bytes;
    r.skip(pad4(bytes));
    return true;
  };
}

function skipStrings(r: ByteReader, count: number): boolean {
  if (count * 4 > r.remaining) return false;
  for (let i = 0; i < count; i++) if (readStringBody(r) === DECODE_FAILED) return false;
  return true;
}

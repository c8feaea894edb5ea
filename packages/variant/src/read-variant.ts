import type { ByteReader } from './byte-reader.js';
import type { DecodeFailed } from './decode-failed.js';
import { DEFAULT_MAX_DEPTH } from './default-max-depth.js';
import { godot3Codec } from './godot3-codec.js';
import { readValue } from './read-value.js';
import type { Variant } from './variant.js';

/**
 * Reads one Godot 3.2 Variant at `r.pos` and moves past it, or returns {@link DECODE_FAILED} (the
 * position is then unspecified). Never throws and never reads past `r.end`: every length and count is
 * checked against the remaining bytes before anything is allocated. Fails on truncated input, unknown
 * types (>= 27), OBJECT (objects are not allowed, as with Godot's `allow_objects = false`), invalid
 * UTF-8, the pre-3.0 NodePath format, and ARRAY/DICTIONARY nesting deeper than `maxDepth`.
 */
export function readVariant(r: ByteReader, maxDepth: number = DEFAULT_MAX_DEPTH): Variant | DecodeFailed {
  return readValue(r, maxDepth, godot3Codec) as Variant | DecodeFailed;
}

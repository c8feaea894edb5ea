import type { ByteReader } from './byte-reader.js';
import type { DecodeFailed } from './decode-failed.js';
import { DEFAULT_MAX_DEPTH } from './default-max-depth.js';
import { readValue } from './read-value.js';
import type { VariantCodec } from './variant-codec.js';

/**
 * Reads one Variant of `codec`'s engine version at `r.pos` and moves past it, or returns
 * {@link DECODE_FAILED} (the position is then unspecified). Never throws and never reads past
 * `r.end`: every length and count is checked against the remaining bytes before anything is
 * allocated. ARRAY/DICTIONARY nesting deeper than `maxDepth` fails. What else fails is the codec's:
 * see `readVariant` (Godot 3) and `godot4Codec` (Godot 4).
 */
export function readVariantWith<V>(
  codec: VariantCodec<V>,
  r: ByteReader,
  maxDepth: number = DEFAULT_MAX_DEPTH,
): V | DecodeFailed {
  return readValue(r, maxDepth, codec) as V | DecodeFailed;
}

import type { ByteReader } from './byte-reader.js';
import { DECODE_FAILED } from './decode-failed.js';
import type { VariantCodec } from './variant-codec.js';

/**
 * The shared decoder: reads one Variant header at `r.pos`, finds its body reader in the codec's
 * table and checks the body's minimum size before calling it. `depth` is the container levels
 * still allowed. Returns {@link DECODE_FAILED} for an unknown or refused type and for a body that
 * cannot fit; body readers check everything else they read.
 */
export function readValue(r: ByteReader, depth: number, codec: VariantCodec): unknown {
  if (r.remaining < 4) return DECODE_FAILED;
  const header = r.u32();
  const type = header & 0xff;
  const read = codec.readers[type];
  if (!read) return DECODE_FAILED;
  r.real64 = (header & codec.realFlag) !== 0;
  const min = r.real64 ? (codec.minBody64 as readonly number[]) : codec.minBody;
  return r.remaining < (min[type] as number) ? DECODE_FAILED : read(r, header, depth, codec);
}

import type { ByteReader } from './byte-reader.js';
import { DECODE_FAILED } from './decode-failed.js';
import type { VariantCodec } from './variant-codec.js';

/** The header's float64 flag for the body being read (0: float32 reals), for {@link readReal}. */
let wide = 0;

/**
 * Reads one real component of a math body: a float64 when the Variant's header carried the codec's
 * `realFlag` (a Godot 4 double-precision encoding), else a float32. For body readers only.
 */
export function readReal(r: ByteReader): number {
  return wide === 0 ? r.f32() : r.f64();
}

/** Whether the body being read has float64 reals, for body readers that size their data. */
export const readingWide = (): boolean => wide !== 0;

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
  wide = header & codec.realFlag;
  const min = wide === 0 ? codec.minBody : (codec.minBody64 as readonly number[]);
  return r.remaining < (min[type] as number) ? DECODE_FAILED : read(r, header, depth, codec);
}

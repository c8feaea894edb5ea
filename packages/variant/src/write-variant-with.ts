import type { ByteWriter } from './byte-writer.js';
import type { VariantCodec } from './variant-codec.js';
import { endWrite, writeValue } from './write-value.js';

/**
 * Appends `value` to `w` as one Variant of `codec`'s engine version, byte for byte as that version's
 * `encode_variant` writes it. On error nothing is appended.
 * @throws VariantError (`ERR_INVALID_PARAMETER`) for values with no Variant form in that version:
 * functions, symbols, instances of classes outside its table, cycles, nesting deeper than
 * {@link DEFAULT_MAX_DEPTH}, integral numbers beyond 2^53 and bigints beyond int64.
 */
export function writeVariantWith<V>(codec: VariantCodec<V>, w: ByteWriter, value: V): void {
  const start = w.length;
  w.real64 = codec.realWrite !== 0;
  try {
    writeValue(w, value, 0, codec);
  } catch (error) {
    w.truncate(start);
    throw error;
  } finally {
    endWrite();
  }
}

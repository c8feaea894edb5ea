import { ByteWriter } from './byte-writer.js';
import type { VariantCodec } from './variant-codec.js';
import { writeVariantWith } from './write-variant-with.js';

/**
 * Encodes one value as a Variant of `codec`'s engine version (what `var_to_bytes` /
 * `PacketPeer.put_var` produce). The result may be a view on a larger buffer; use its
 * `byteOffset`/`byteLength`, not its `buffer`.
 * @throws VariantError for values with no Variant form in that version (see `writeVariantWith`).
 */
export function encodeVariantWith<V>(codec: VariantCodec<V>, value: V): Uint8Array {
  const w = new ByteWriter();
  writeVariantWith(codec, w, value);
  return w.finish();
}

import { encodeVariantWith } from './encode-variant-with.js';
import { godot3Codec } from './godot3-codec.js';
import type { Variant } from './variant.js';

/**
 * Encodes one value as a Godot 3.2 Variant (what `var2bytes` / `PacketPeer.put_var` produce).
 * The result may be a view on a larger buffer; use its `byteOffset`/`byteLength`, not its `buffer`.
 * @throws VariantError for values with no Variant form (see `writeVariant`).
 */
export function encodeVariant(value: Variant): Uint8Array {
  return encodeVariantWith(godot3Codec, value);
}

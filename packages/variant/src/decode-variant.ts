import { type DecodeOptions, type DecodeResult, decodeVariantWith } from './decode-variant-with.js';
import { godot3Codec } from './godot3-codec.js';

/**
 * Decodes one Godot 3.2 Variant starting at `offset` (what `bytes2var` / `PacketPeer.get_var` read).
 * Bytes after the value are ignored; `bytesRead` says where it ended. Total: any input gives either
 * `OK` or `ERR_INVALID_DATA` (see `readVariant` for what fails), never an exception, and never
 * an allocation larger than the input justifies. Decoded values are canonical: NIL is `null`, INT a
 * `number` (a `bigint` for int64 beyond 2^53), REAL a `number`, DICTIONARY a `Map`, pool arrays
 * fresh typed arrays or pool wrappers.
 */
export function decodeVariant(bytes: Uint8Array, offset = 0, options?: DecodeOptions): DecodeResult {
  return decodeVariantWith(godot3Codec, bytes, offset, options);
}

import type { ByteWriter } from './byte-writer.js';
import { godot3Codec } from './godot3-codec.js';
import type { Variant } from './variant.js';
import { writeVariantWith } from './write-variant-with.js';

/**
 * Appends `value` to `w` as a Godot 3.2 Variant, byte for byte as Godot's `encode_variant` would
 * (see {@link Variant} for the type mapping). On error nothing is appended.
 * @throws VariantError (`ERR_INVALID_PARAMETER`) for values with no Variant form: functions, symbols,
 * unknown class instances, cycles, nesting deeper than `DEFAULT_MAX_DEPTH`, integral numbers
 * beyond 2^53 and bigints beyond int64.
 */
export function writeVariant(w: ByteWriter, value: Variant): void {
  writeVariantWith(godot3Codec, w, value);
}

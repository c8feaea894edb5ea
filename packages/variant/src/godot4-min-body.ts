// Godot 4.6's body sizes (`core/io/marshalls.cpp`, `decode_variant`'s length checks), by type id.

/**
 * Bytes each body needs at least, by id, with float32 reals: the whole body of the fixed-size types,
 * the first word (a length or count) of the others, 12 for NODE_PATH's three words, 8 for RID.
 */
export const MIN_BODY4: readonly number[] = [
  0, 4, 4, 4, 4, 8, 8, 16, 16, 12, 12, 24, 16, 16, 16, 16, 24, 36, 48, 64, 16, 4, 12, 8, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4,
];

/**
 * The same with the header's bit 16 set: float64 reals in the math types, 8-byte INT and FLOAT,
 * and OBJECT's 8-byte id. The integer vectors and COLOR ignore the flag, as in Godot.
 */
export const MIN_BODY4_64: readonly number[] = [
  0, 4, 8, 8, 4, 16, 8, 32, 16, 24, 12, 48, 32, 16, 32, 32, 48, 72, 96, 128, 16, 4, 12, 8, 8, 0, 4, 4, 4, 4, 4, 4, 4, 4,
  4, 4, 4, 4, 4,
];

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
 * The ids whose body doubles with the header's bit 16 (one bit per id): INT and FLOAT (8 bytes) and
 * the math types with reals (2, 3, 5, 7, 9, 11, 12, 14..19). The integer vectors and COLOR ignore the
 * flag, as in Godot.
 */
const DOUBLED = 0xfdaac;

/** {@link MIN_BODY4} with the header's bit 16 set: float64 reals, 8-byte INT and FLOAT, and OBJECT's 8-byte id. */
export const MIN_BODY4_64: readonly number[] = /* @__PURE__ */ MIN_BODY4.map((n, id) =>
  id < 20 && (DOUBLED >> id) & 1 ? 2 * n : id === 24 ? 8 : n,
);

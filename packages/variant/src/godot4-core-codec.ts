import { godot4Base } from './godot4-base.js';
import { readOpaque } from './read-opaque.js';
import { VariantBytes } from './variant-bytes.js';
import type { BodyWriter, VariantCodec } from './variant-codec.js';
import { VARIANT_MAX } from './variant-type4-values.js';
import type { Variant4 } from './variant4.js';

/** `VariantBytes` is written back as its own bytes, header included (its types entry is this sentinel). */
const VARIANT_BYTES = 0xff;

/** Writes a {@link VariantBytes} in place of the sentinel header the encoder wrote. */
const writeVariantBytes: BodyWriter = (w, value) => {
  w.truncate(w.length - 4);
  w.bytes((value as VariantBytes).bytes);
};

function core(): VariantCodec<Variant4> {
  const readers = godot4Base.readers.slice();
  // Every id the base does not decode (5..26, 29..38) is read opaquely.
  for (let id = 5; id < VARIANT_MAX; id++) readers[id] ||= readOpaque;
  const writers = godot4Base.writers.slice();
  writers[VARIANT_BYTES] = writeVariantBytes;
  const types = new Map(godot4Base.types).set(VariantBytes.prototype, VARIANT_BYTES);
  return { ...godot4Base, readers, writers, types };
}

/**
 * Godot 4's core types only: NIL, BOOL, INT, FLOAT, STRING and (typed) Array and Dictionary. Every
 * other well-formed Variant decodes to a lossless {@link VariantBytes} that re-encodes to the same
 * bytes, so it stays total and exact while a build carries no math, packed-array or object code. Add
 * the types a build uses with {@link withTypes}: `withTypes(godot4CoreCodec, godot4Vector2, godot4Color)`.
 */
export const godot4CoreCodec: VariantCodec<Variant4 | VariantBytes> = /* @__PURE__ */ core();

import { godot4Base } from './godot4-base.js';
import {
  opaque,
  skipFixed,
  skipNodePath,
  skipObjectId,
  skipPool,
  skipSignal,
  skipString,
  skipStringList,
} from './opaque-readers.js';
import { VariantBytes } from './variant-bytes.js';
import type { BodyReader, BodyWriter, VariantCodec } from './variant-codec.js';
import type { Variant4 } from './variant4.js';

const fixed = opaque(skipFixed);
const int32Pool = opaque(skipPool(4));

/** Opaque readers for every id the core does not decode (5..26, 29..38). */
const OPAQUE: readonly [number, BodyReader][] = [
  [21, opaque(skipString)],
  [22, opaque(skipNodePath)],
  [24, opaque(skipObjectId)],
  [26, opaque(skipSignal)],
  [29, opaque(skipPool(1))],
  [30, int32Pool],
  [31, opaque(skipPool(8))],
  [32, int32Pool],
  [33, opaque(skipPool(8))],
  [34, opaque(skipStringList)],
  [35, opaque(skipPool(8, true))],
  [36, opaque(skipPool(12, true))],
  [37, opaque(skipPool(16))],
  [38, opaque(skipPool(16, true))],
];

/** `VariantBytes` is written back as its own bytes, header included (its types entry is this sentinel). */
const VARIANT_BYTES = 0xff;

/** Writes a {@link VariantBytes} in place of the sentinel header the encoder wrote. */
const writeVariantBytes: BodyWriter = (w, value) => {
  w.truncate(w.length - 4);
  w.bytes((value as VariantBytes).bytes);
};

function core(): VariantCodec<Variant4> {
  const readers = godot4Base.readers.slice();
  for (let id = 5; id < 27; id++) readers[id] = fixed;
  for (const [id, read] of OPAQUE) readers[id] = read;
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

import { readArray4, readDictionary4 } from './container4-readers.js';
import { writeArray4, writeDictionary4 } from './container4-writers.js';
import { MIN_BODY4, MIN_BODY4_64 } from './godot4-min-body.js';
import { readOpaque } from './read-opaque.js';
import { Real } from './real.js';
import { writeRealClass } from './real-writer.js';
import { readBool, readNil, readNumber } from './scalar-readers.js';
import { readStringBody } from './string-readers.js';
import { VariantBytes } from './variant-bytes.js';
import type { BodyReader, BodyWriter, VariantCodec } from './variant-codec.js';
import { ENCODE_FLAG_64 } from './variant-type-values.js';
import type { Variant4 } from './variant4.js';

// The part of Godot 4's Variant table (4.6, `core/io/marshalls.cpp`) that every build needs: NIL,
// BOOL, INT, FLOAT, STRING and the (typed) containers, with the size rules of all 39 types.

/** `VariantBytes` is written back as its own bytes, header included (its types entry is this sentinel). */
const VARIANT_BYTES = 0xff;

function core(): VariantCodec<Variant4> {
  const readers: (BodyReader | 0)[] = [readNil, readBool, readNumber, readNumber, readStringBody];
  // Every other id (5..26, 29..38) is read opaquely.
  for (let id = 5; id < 39; id++) readers[id] = readOpaque;
  readers[27] = readDictionary4;
  readers[28] = readArray4;
  const writers: (BodyWriter | 0)[] = [0, 0, 0, writeRealClass];
  writers[27] = writeDictionary4;
  writers[28] = writeArray4;
  // Writes a VariantBytes in place of the sentinel header the encoder wrote.
  writers[VARIANT_BYTES] = (w, value) => {
    w.truncate(w.length - 4);
    w.bytes((value as VariantBytes).bytes);
  };
  return {
    version: 4,
    readers,
    minBody: MIN_BODY4,
    minBody64: MIN_BODY4_64,
    realFlag: ENCODE_FLAG_64,
    realWrite: 0,
    types: new Map<object, number>([
      [Real.prototype, 3],
      [Map.prototype, 27],
      [VariantBytes.prototype, VARIANT_BYTES],
    ]),
    writers,
    arrayType: 28,
    dictionaryType: 27,
  };
}

/**
 * Godot 4's core types only: NIL, BOOL, INT, FLOAT, STRING and (typed) Array and Dictionary. Every
 * other well-formed Variant decodes to a lossless {@link VariantBytes} that re-encodes to the same
 * bytes, so it stays total and exact while a build carries no math, packed-array or object code. Add
 * the types a build uses with {@link withTypes}: `withTypes(godot4CoreCodec, godot4Vector2, godot4Color)`.
 */
export const godot4CoreCodec: VariantCodec<Variant4 | VariantBytes> = /* @__PURE__ */ core();

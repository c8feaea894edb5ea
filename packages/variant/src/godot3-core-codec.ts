import { readArray, readDictionary } from './container-readers.js';
import { writeArray, writeDictionary } from './container-writers.js';
import { readOpaque3 } from './read-opaque.js';
import { Real } from './real.js';
import { writeRealClass } from './real-writer.js';
import { readBool, readNil, readNumber } from './scalar-readers.js';
import { readStringBody } from './string-readers.js';
import { typesOf } from './types-of.js';
import type { Variant } from './variant.js';
import { VariantBytes } from './variant-bytes.js';
import type { BodyReader, BodyWriter, VariantCodec } from './variant-codec.js';

// Godot 3.2's Variant format (`core/io/marshalls.cpp`) with only the core types decoded; the body sizes
// are `godot3Codec`'s, so the opaque readers accept and reject exactly what its real readers do.

/** Body readers by id: 5..16 (math types, NODE_PATH, RID) and 20..26 (every pool) opaque; OBJECT (17) refused. */
const READERS: readonly (BodyReader | 0)[] = [
  readNil,
  readBool,
  readNumber,
  readNumber,
  readStringBody,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  0,
  readDictionary,
  readArray,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
  readOpaque3,
];

/** Bytes each body needs at least, by id (as `godot3Codec`: the whole body of fixed-size types, else the first word). */
const MIN_BODY: readonly number[] = [
  0, 4, 4, 4, 4, 8, 16, 12, 24, 16, 16, 24, 36, 48, 16, 12, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4,
];

/** `VariantBytes` is written back as its own bytes, header included (its types entry is this sentinel). */
const VARIANT_BYTES = 0xff;

const WRITERS: (BodyWriter | 0)[] = [0, 0, 0, writeRealClass];
WRITERS[18] = writeDictionary;
WRITERS[19] = writeArray;
/** Writes a {@link VariantBytes} in place of the sentinel header the encoder wrote. */
WRITERS[VARIANT_BYTES] = (w, value) => {
  w.truncate(w.length - 4);
  w.bytes((value as VariantBytes).bytes);
};

/** The class written as each id (0: none). */
const CLASSES = [0, 0, 0, Real, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map] as const;

/**
 * Godot 3.2's core types only: NIL, BOOL, INT, REAL, STRING, Array and Dictionary (as
 * `godot4CoreCodec`). Every other well-formed Variant (the math types, NODE_PATH, _RID, every pool)
 * decodes to a lossless {@link VariantBytes} that re-encodes to the same bytes, so it stays total and
 * exact while a build carries no code for those types. `MultiplayerAPI`'s default. Add the types a
 * build uses with `withTypes`: `withTypes(godot3CoreCodec, godot3Vector2, godot3PoolByteArray)`;
 * `godot3Types` lists them all (`godot3Codec` is every type).
 */
export const godot3CoreCodec: VariantCodec<Variant | VariantBytes> = {
  version: 3,
  readers: READERS,
  minBody: MIN_BODY,
  realFlag: 0,
  realWrite: 0,
  types: /* @__PURE__ */ typesOf(CLASSES).set(VariantBytes.prototype, VARIANT_BYTES),
  writers: WRITERS,
  arrayType: 19,
  dictionaryType: 18,
};

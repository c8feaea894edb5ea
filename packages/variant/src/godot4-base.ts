import { readArray4, readDictionary4 } from './container4-readers.js';
import { writeArray4, writeDictionary4 } from './container4-writers.js';
import { MIN_BODY4, MIN_BODY4_64 } from './godot4-min-body.js';
import { Real } from './real.js';
import { writeRealClass } from './real-writer.js';
import { readBool, readNil, readNumber } from './scalar-readers.js';
import { readStringBody } from './string-readers.js';
import type { BodyReader, BodyWriter, VariantCodec } from './variant-codec.js';
import { ENCODE_FLAG_64 } from './variant-type-values.js';
import type { Variant4 } from './variant4.js';

// The part of Godot 4's Variant table (4.6, `core/io/marshalls.cpp`) that every Godot 4 codec has:
// NIL, BOOL, INT, FLOAT, STRING and the (typed) containers, with the size rules of all 39 types.
// `godot4Codec` adds every other type to it; `godot4CoreCodec` reads the others as VariantBytes.

const READERS: (BodyReader | 0)[] = [readNil, readBool, readNumber, readNumber, readStringBody];
READERS[27] = readDictionary4;
READERS[28] = readArray4;

const WRITERS: (BodyWriter | 0)[] = [0, 0, 0, writeRealClass];
WRITERS[27] = writeDictionary4;
WRITERS[28] = writeArray4;

/** Godot 4's core types; other ids fail until a codec adds them (`withTypes`). */
export const godot4Base: VariantCodec<Variant4> = {
  version: 4,
  readers: READERS,
  minBody: MIN_BODY4,
  minBody64: MIN_BODY4_64,
  realFlag: ENCODE_FLAG_64,
  realWrite: 0,
  types: /* @__PURE__ */ new Map<object, number>([
    [Real.prototype, 3],
    [Map.prototype, 27],
  ]),
  writers: WRITERS,
  arrayType: 28,
  dictionaryType: 27,
};

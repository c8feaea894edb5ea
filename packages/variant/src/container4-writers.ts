import { msg } from '@wspeer/core';
import type { ByteWriter } from './byte-writer.js';
import type { ContainerType } from './container-type.js';
import { type DictionaryLike, writeArray, writeDictionary } from './container-writers.js';
import { writeStringBody } from './string-writers.js';
import { TypedVariantArray } from './typed-variant-array.js';
import { TypedVariantDictionary } from './typed-variant-dictionary.js';
import type { VariantCodec } from './variant-codec.js';
import { VARIANT_MAX } from './variant-type4-values.js';
import { invalid } from './write-variant-with.js';

// Godot 4's containers (`core/io/marshalls.cpp`, `encode_variant`, `_encode_container_type_header`
// and `_encode_container_type`): a typed container writes each type before the count and rewrites the
// header just written with their kinds. `w.length - 4`, the header's offset, is evaluated before the
// types are written (arguments are evaluated left to right), and `setU32` runs after them.

/** ARRAY: a {@link TypedVariantArray} with its element type, any other array untyped. */
export function writeArray4(w: ByteWriter, array: readonly unknown[], depth: number, codec: VariantCodec): void {
  if (array instanceof TypedVariantArray) {
    w.setU32(w.length - 4, codec.arrayType | (writeContainerType(w, array.elementType, codec) << 16));
  }
  writeArray(w, array, depth, codec);
}

/** DICTIONARY: a {@link TypedVariantDictionary} with its key and value types, any other dictionary untyped. */
export function writeDictionary4(w: ByteWriter, dict: DictionaryLike, depth: number, codec: VariantCodec): void {
  if (dict instanceof TypedVariantDictionary) {
    w.setU32(
      w.length - 4,
      codec.dictionaryType |
        (writeContainerType(w, dict.keyType, codec) << 16) |
        (writeContainerType(w, dict.valueType, codec) << 18),
    );
  }
  writeDictionary(w, dict, depth, codec);
}

/**
 * Writes a container type (nothing for `null`) and returns its kind (0 for none), refusing anything
 * Godot could not decode: a built-in id outside 0..VARIANT_MAX-1, a name or path that is not a string,
 * another kind.
 */
function writeContainerType(w: ByteWriter, type: ContainerType | null, codec: VariantCodec): number {
  if (type === null) return 0;
  const name = type.kind === 2 ? type.className : type.kind === 3 ? type.script : undefined;
  if (type.kind === 1 && type.type >>> 0 === type.type && type.type < VARIANT_MAX) w.u32(type.type);
  else if (typeof name === 'string') writeStringBody(w, name);
  else throw invalid(msg`the container type ${JSON.stringify(type)}`, codec);
  return type.kind;
}

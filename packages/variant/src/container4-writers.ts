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
// and `_encode_container_type`): a typed container rewrites the header just written (the last 4 bytes)
// with its type kinds, then writes each type before the count.

/** ARRAY: a {@link TypedVariantArray} with its element type, any other array untyped. */
export function writeArray4(w: ByteWriter, array: readonly unknown[], depth: number, codec: VariantCodec): void {
  if (array instanceof TypedVariantArray && array.elementType !== null) {
    const type = array.elementType;
    w.setU32(w.length - 4, codec.arrayType | (kindOf(type, codec) << 16));
    writeContainerType(w, type);
  }
  writeArray(w, array, depth, codec);
}

/** DICTIONARY: a {@link TypedVariantDictionary} with its key and value types, any other dictionary untyped. */
export function writeDictionary4(w: ByteWriter, dict: DictionaryLike, depth: number, codec: VariantCodec): void {
  if (dict instanceof TypedVariantDictionary) {
    const { keyType, valueType } = dict;
    w.setU32(w.length - 4, codec.dictionaryType | (kindOf(keyType, codec) << 16) | (kindOf(valueType, codec) << 18));
    writeContainerType(w, keyType);
    writeContainerType(w, valueType);
  }
  writeDictionary(w, dict, depth, codec);
}

/** The kind of a container type (0 for none), refusing anything Godot could not decode. */
function kindOf(type: ContainerType | null, codec: VariantCodec): number {
  if (type === null) return 0;
  const valid =
    type.kind === 1
      ? Number.isInteger(type.type) && type.type >= 0 && type.type < VARIANT_MAX
      : type.kind === 2
        ? typeof type.className === 'string'
        : type.kind === 3 && typeof type.script === 'string';
  if (!valid) throw invalid(`the container type ${JSON.stringify(type)}`, codec);
  return type.kind;
}

function writeContainerType(w: ByteWriter, type: ContainerType | null): void {
  if (type === null) return;
  if (type.kind === 1) w.u32(type.type);
  else writeStringBody(w, type.kind === 2 ? type.className : type.script);
}

import type { ByteWriter } from './byte-writer.js';
import { writeStringBody } from './string-writers.js';
import type { VariantCodec } from './variant-codec.js';
import * as T from './variant-type-values.js';
import { enter, writeValue } from './write-variant-with.js';

/** A `Map` (any keys) or a plain object (string keys, `Object.keys` order). */
export type DictionaryLike = ReadonlyMap<unknown, unknown> | { readonly [key: string]: unknown };

/** An ARRAY body (after the container type in Godot 4): count, then each item. */
export function writeArray(w: ByteWriter, array: readonly unknown[], depth: number, codec: VariantCodec): void {
  enter(array, depth, codec);
  w.u32(array.length);
  for (let i = 0; i < array.length; i++) writeValue(w, array[i], depth + 1, codec);
}

/** A DICTIONARY body (after the container types in Godot 4): count, then key and value per entry. */
export function writeDictionary(w: ByteWriter, dict: DictionaryLike, depth: number, codec: VariantCodec): void {
  enter(dict, depth, codec);
  if (dict instanceof Map) {
    w.u32(dict.size);
    for (const [key, item] of dict) {
      writeValue(w, key, depth + 1, codec);
      writeValue(w, item, depth + 1, codec);
    }
  } else {
    const record = dict as { readonly [key: string]: unknown };
    const keys = Object.keys(record);
    w.u32(keys.length);
    for (const key of keys) {
      w.u32(T.STRING);
      writeStringBody(w, key);
      writeValue(w, record[key], depth + 1, codec);
    }
  }
}

import type { ByteReader } from './byte-reader.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { readValue } from './read-value.js';
import type { VariantCodec } from './variant-codec.js';

/**
 * ARRAY: a count (bit 31, Godot's "shared" flag, ignored), then the items, pushed into `items` (a
 * new plain array unless Godot 4's typed reader passes its own). At least 4 bytes remain. Fails when
 * `depth` allows no more nesting or when the count cannot fit in what remains (each item takes at
 * least 4 bytes), before reading any item.
 */
export function readArray<A extends unknown[]>(
  r: ByteReader,
  _header: number,
  depth: number,
  codec: VariantCodec,
  items: A = [] as unknown[] as A,
): A | DecodeFailed {
  const count = r.u32() & 0x7fffffff;
  if (!(depth > 0) || count * 4 > r.remaining) return DECODE_FAILED;
  for (let i = 0; i < count; i++) {
    const item = readValue(r, depth - 1, codec);
    if (item === DECODE_FAILED) return DECODE_FAILED;
    items.push(item);
  }
  return items;
}

/**
 * DICTIONARY: a count (bit 31 ignored), then key and value per entry, set into `map` (a new `Map`
 * unless Godot 4's typed reader passes its own). At least 4 bytes remain. A repeated key keeps its
 * first position and its last value, like Godot's `d[key] = value`.
 */
export function readDictionary<M extends Map<unknown, unknown>>(
  r: ByteReader,
  _header: number,
  depth: number,
  codec: VariantCodec,
  map: M = new Map() as M,
): M | DecodeFailed {
  const count = r.u32() & 0x7fffffff;
  if (!(depth > 0) || count * 8 > r.remaining) return DECODE_FAILED;
  for (let i = 0; i < count; i++) {
    const key = readValue(r, depth - 1, codec);
    if (key === DECODE_FAILED) return DECODE_FAILED;
    const value = readValue(r, depth - 1, codec);
    if (value === DECODE_FAILED) return DECODE_FAILED;
    map.set(key, value);
  }
  return map;
}

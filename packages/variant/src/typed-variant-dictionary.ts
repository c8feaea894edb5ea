import type { ContainerType } from './container-type.js';

/**
 * A Godot 4 typed Dictionary (`Dictionary[String, int]`): a `Map` that also carries its key and value
 * types, so it decodes and re-encodes with the same typed-dictionary header. Either type may be
 * `null` (that side is untyped, `Variant`). Godot 3 has no typed dictionaries: its codec sends it as
 * a plain DICTIONARY.
 */
export class TypedVariantDictionary<K = unknown, V = unknown> extends Map<K, V> {
  /** The key type; `null`: any key. */
  declare readonly keyType: ContainerType | null;
  /** The value type; `null`: any value. */
  declare readonly valueType: ContainerType | null;

  /** A typed dictionary of `keyType` to `valueType` holding `entries` (copied in). */
  constructor(keyType: ContainerType | null, valueType: ContainerType | null, entries: Iterable<readonly [K, V]> = []) {
    super();
    this.keyType = keyType;
    this.valueType = valueType;
    for (const [key, value] of entries) this.set(key, value);
  }
}

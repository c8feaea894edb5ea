import type { VariantCodec } from './variant-codec.js';
import type { VariantTypeEntry } from './variant-type-entry.js';

/**
 * A codec that decodes and encodes `entries` as well as what `codec` does (an entry replaces what
 * the codec had for its id, e.g. `godot4CoreCodec`'s opaque {@link VariantBytes}). The tables are
 * copied; `codec` is unchanged.
 */
export function withTypes<V>(codec: VariantCodec<V>, ...entries: readonly VariantTypeEntry[]): VariantCodec<V> {
  const readers = codec.readers.slice();
  const writers = codec.writers.slice();
  const types = new Map(codec.types);
  for (const entry of entries) {
    readers[entry.id] = entry.read;
    writers[entry.id] = entry.write;
    const header = entry.id | (entry.flags ?? 0) | (entry.real ? codec.realWrite : 0);
    for (const type of entry.classes) types.set(type.prototype, header);
  }
  return { ...codec, readers, writers, types };
}

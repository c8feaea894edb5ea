import type { BodyReader, BodyWriter } from './variant-codec.js';

/**
 * One Variant type of an engine version as a unit a codec can be given ({@link withTypes}): its id,
 * body reader and writer, and the classes written as it. `godot4Types` lists Godot 4's; a build that
 * adds only some of them to `godot4CoreCodec` carries only those.
 */
export interface VariantTypeEntry {
  /** The type id (`VariantType4`). */
  readonly id: number;
  /** The body reader. */
  readonly read: BodyReader;
  /** The body writer (`0`: the type has no body). */
  readonly write: BodyWriter | 0;
  /** The classes encoded as this type (subclasses too). */
  readonly classes: readonly {
    /** The class's prototype (what `instanceof` checks). */
    readonly prototype: object;
  }[];
  /** Header flags always written with it (OBJECT's id form). */
  readonly flags?: number;
  /** Whether a double-precision table writes it with float64 reals and `ENCODE_FLAG_64`. */
  readonly real?: boolean;
}

import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';

/**
 * Reads one Variant body (after its 4-byte header). `header` is the whole header word, `depth` the
 * container levels still allowed, `codec` the table being decoded with (containers recurse through
 * it). The caller has checked that `codec.minBody` bytes remain.
 */
export type BodyReader = (r: ByteReader, header: number, depth: number, codec: VariantCodec) => unknown;

/**
 * Writes one Variant body; the caller has just written its header (the last 4 bytes of `w`, which a
 * writer may rewrite to add flags). Declared through a method type so `value` is bivariant: each
 * table entry takes its own class.
 */
export type BodyWriter = {
  /** Writes `value`'s body at `w` (`depth`: nesting so far; `codec`: the table in use). */
  write(w: ByteWriter, value: object, depth: number, codec: VariantCodec): void;
}['write'];

/**
 * One engine version's Variant format as data: the type table the shared machinery
 * (`readVariantWith`, `writeVariantWith`, {@link decodeVariantWith}, {@link encodeVariantWith})
 * runs on. `godot3Codec` and `godot4Codec` are the two built-in tables, each in its own module, so a
 * build that uses one never carries the other. `V` is the TypeScript type of the values it carries.
 */
export interface VariantCodec<V = unknown> {
  /** The Godot major version the table describes. */
  readonly version: 3 | 4;
  /** Body reader per type id (`header & 0xff`); an id without one (>= `VARIANT_MAX`, or refused) fails. */
  readonly readers: readonly (BodyReader | 0)[];
  /** Bytes each type's body needs at least (fixed-size bodies: all of it; others: their first word). */
  readonly minBody: readonly number[];
  /** `minBody` for headers with `realFlag` set (math bodies of float64 components); used only when `realFlag` is nonzero. */
  readonly minBody64?: readonly number[];
  /** Header bit that makes a math body float64 when decoding: `ENCODE_FLAG_64` in Godot 4, `0` in Godot 3 (which ignores it). */
  readonly realFlag: number;
  /** Nonzero (`ENCODE_FLAG_64`) when math types are written with float64 components (a double-precision build; the flag is in their `types` header words), else `0`. */
  readonly realWrite: number;
  /**
   * Header word by class prototype, for encoding class instances (subclasses are found through their
   * prototype chain): the type id, with `ENCODE_FLAG_64` on math types in a double-precision table.
   */
  readonly types: ReadonlyMap<object, number>;
  /** Body writer per type id, for the ids in `types` and for `arrayType` / `dictionaryType`; `0`: no body. */
  readonly writers: readonly (BodyWriter | 0)[];
  /** The ARRAY type id (JS arrays). */
  readonly arrayType: number;
  /** The DICTIONARY type id (plain objects; `Map` is in `types`). */
  readonly dictionaryType: number;
  /** Never set: carries `V` for type inference. */
  readonly valueType?: V;
}

import type { ByteReader } from './byte-reader.js';
import { readArray, readDictionary } from './container-readers.js';
import type { ContainerType } from './container-type.js';
import { DECODE_FAILED, type DecodeFailed } from './decode-failed.js';
import { readStringBody } from './string-readers.js';
import { TypedVariantArray } from './typed-variant-array.js';
import { TypedVariantDictionary } from './typed-variant-dictionary.js';
import type { VariantCodec } from './variant-codec.js';
import { VARIANT_MAX } from './variant-type4-values.js';

// Godot 4's containers (`core/io/marshalls.cpp`, `decode_variant` and `_decode_container_type`): the
// header's bits 16-17 (ARRAY: the element type; DICTIONARY: the key type) and 18-19 (DICTIONARY: the
// value type) say how each container type follows the header, before the count.

/** ARRAY: untyped, or a {@link TypedVariantArray} keeping its element type. */
export function readArray4(r: ByteReader, header: number, depth: number, codec: VariantCodec): unknown {
  const kind = (header >>> 16) & 3;
  if (kind === 0) return readArray(r, header, depth, codec);
  const type = readContainerType(r, kind);
  if (type === DECODE_FAILED || r.remaining < 4) return DECODE_FAILED;
  return readArray(r, header, depth, codec, new TypedVariantArray(type));
}

/** DICTIONARY: untyped (a `Map`), or a {@link TypedVariantDictionary} keeping its key and value types. */
export function readDictionary4(r: ByteReader, header: number, depth: number, codec: VariantCodec): unknown {
  const keyKind = (header >>> 16) & 3;
  const valueKind = (header >>> 18) & 3;
  if (keyKind === 0 && valueKind === 0) return readDictionary(r, header, depth, codec);
  const keyType = readContainerType(r, keyKind);
  if (keyType === DECODE_FAILED) return DECODE_FAILED;
  const valueType = readContainerType(r, valueKind);
  if (valueType === DECODE_FAILED || r.remaining < 4) return DECODE_FAILED;
  return readDictionary(r, header, depth, codec, new TypedVariantDictionary(keyType, valueType));
}

/**
 * One container type of `kind` (0: none, `null`): a uint32 built-in type id below `VARIANT_MAX`, a
 * class name or a script path. As in Godot with object decoding off, names and paths are not
 * checked against anything; they are kept so the container re-encodes identically.
 */
function readContainerType(r: ByteReader, kind: number): ContainerType | null | DecodeFailed {
  if (kind === 0) return null;
  if (kind === 1) {
    if (r.remaining < 4) return DECODE_FAILED;
    const type = r.u32();
    return type < VARIANT_MAX ? { kind, type } : DECODE_FAILED;
  }
  const name = readStringBody(r);
  if (name === DECODE_FAILED) return DECODE_FAILED;
  return kind === 2 ? { kind, className: name } : { kind: 3, script: name };
}

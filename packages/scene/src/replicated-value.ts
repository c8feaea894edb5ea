import { msg } from '@wspeer/core';
import { ByteReader, ByteWriter, DECODE_FAILED, type VariantCodec } from '@wspeer/variant';
import { readCompressed, writeCompressed } from './compressed-variant.js';
import { coerceSceneArg, fitsSceneArgType, type SceneArgType } from './scene-arg-type.js';

/**
 * Appends the values of `names` at config `indexes` from `values`, compressed as Godot's
 * `encode_and_compress_variants` (ints and bools short, the rest full Variants; a number declared
 * `'float'` as a float), with `codec`. Throws VariantError for a value with no form in `codec`.
 */
export function writeReplicatedValues(
  w: ByteWriter,
  indexes: readonly number[],
  names: readonly string[],
  types: readonly (SceneArgType | undefined)[],
  values: ReadonlyMap<string, unknown>,
  codec: VariantCodec,
): void {
  for (const i of indexes) {
    const name = names[i] as string;
    writeCompressed(w, coerceSceneArg(values.get(name), types[i]), codec);
  }
}

/** One value encoded on its own with `codec` (for change detection and caches). */
export function encodeReplicatedValue(value: unknown, type: SceneArgType | undefined, codec: VariantCodec): Uint8Array {
  const w = new ByteWriter(16);
  writeCompressed(w, coerceSceneArg(value, type), codec);
  return w.finish();
}

/**
 * Reads one value per config index in `indexes` from `r` into `out` (by name), checking declared
 * types. Returns `''` on success, else why it failed (nothing is applied by the caller then).
 * Never reads past `r.end`; objects are never decoded; values are read with `codec`.
 */
export function readReplicatedValues(
  r: ByteReader,
  indexes: readonly number[],
  names: readonly string[],
  types: readonly (SceneArgType | undefined)[],
  maxDepth: number,
  out: Map<string, unknown>,
  codec: VariantCodec,
): string {
  for (const i of indexes) {
    const name = names[i] as string;
    if (r.remaining < 1) return msg`the state ends before property '${name}'`;
    const value = readCompressed(r, maxDepth, codec);
    if (value === DECODE_FAILED) return msg`property '${name}' does not decode`;
    const type = types[i];
    if (type !== undefined && !fitsSceneArgType(value, type, codec)) return msg`property '${name}' is not a ${type}`;
    out.set(name, value);
  }
  return '';
}

/** A reader over `packet[from, to)`. */
export function readerOf(packet: Uint8Array, from: number, to: number): ByteReader {
  return new ByteReader(packet, from, to);
}

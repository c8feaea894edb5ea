import { msg } from '@wspeer/core';
import type { VariantCodec } from '@wspeer/variant';

/**
 * The opt-in hint of an encoding failure: which argument is an instance of a class `codec` does not
 * carry, and how to add it. Empty when every top-level argument's class is in the codec.
 */
export function codecHint(values: readonly unknown[], codec: VariantCodec): string {
  for (const [i, value] of values.entries()) {
    if (!(value instanceof Object) || Array.isArray(value)) continue;
    let proto: object | null = Object.getPrototypeOf(value);
    if (proto === Object.prototype) continue;
    while (proto !== null && !codec.types.has(proto)) proto = Object.getPrototypeOf(proto);
    if (proto !== null) continue;
    const js = value.constructor?.name ?? 'object';
    const name = godotName(value) ?? PACKED[js];
    return msg` (argument ${i + 1} is a ${name === undefined ? msg`${js}, which no Godot 4 codec encodes` : notInCodec(name)})`;
  }
  return '';
}

/** The Godot 4 packed array each typed array class encodes as (their `toString` names no type). */
const PACKED: Record<string, string> = {
  Uint8Array: 'PackedByteArray',
  Int32Array: 'PackedInt32Array',
  BigInt64Array: 'PackedInt64Array',
  Float32Array: 'PackedFloat32Array',
  Float64Array: 'PackedFloat64Array',
};

/** `"<type>, not in the codec: use ..."`: a Godot 4 type missing from the codec, and the options that add it. */
export function notInCodec(type: string): string {
  return msg`${type}, not in the codec: use codec: godot4Codec or withTypes(godot4CoreCodec, godot4${type})`;
}

/** The Godot name of a math value (what its `toString` starts with: `Vector2(1, 2)`), else `undefined`. */
export function godotName(value: unknown): string | undefined {
  return /^(\w+)\(/.exec(String(value))?.[1];
}

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
    const name = /^([A-Z]\w*)\(/.exec(String(value))?.[1] ?? value.constructor.name;
    return ` (argument ${i + 1} is a ${notInCodec(name)})`;
  }
  return '';
}

/** `"<type>, not in this SceneMultiplayer's codec: use ..."`: a Godot 4 type missing from the codec, and how to add it. */
export function notInCodec(type: string): string {
  return `${type}, not in this SceneMultiplayer's codec: use \`codec: godot4Codec\` (every type) or \`withTypes(godot4CoreCodec, godot4${type})\` (wspeer/variant)`;
}

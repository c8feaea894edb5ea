/**
 * One whole encoded Variant (header and body) of a type the codec it was decoded with does not
 * decode, such as a Vector2 read by `godot4CoreCodec` before `godot4Vector2` was added to it. It is
 * lossless: encoding it with the same codec writes these bytes back unchanged. Only complete,
 * well-formed Variants become one (truncated or invalid ones still fail).
 */
export class VariantBytes {
  /** The encoding, header included (a copy: it never aliases a packet). */
  declare readonly bytes: Uint8Array;

  /** Wraps a whole encoded Variant (kept, not copied). */
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** The type id (the header's low byte). */
  get type(): number {
    return this.bytes[0] ?? 0;
  }

  /** `VariantBytes(type, n bytes)`. */
  toString(): string {
    return `VariantBytes(${this.type}, ${this.bytes.length} bytes)`;
  }
}

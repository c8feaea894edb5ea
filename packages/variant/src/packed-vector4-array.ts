import type { Vector4 } from './vector4.js';

/**
 * Godot 4's `PackedVector4Array`: PACKED_VECTOR4_ARRAY (type 38), a count then four reals per item. A
 * plain `Vector4[]` encodes as an ARRAY of Vector4s instead; wrap it to send the packed type.
 */
export class PackedVector4Array {
  /** The items. The array is kept, not copied. */
  declare readonly values: readonly Vector4[];

  /** Wraps `values` (default empty). */
  constructor(values: readonly Vector4[] = []) {
    this.values = values;
  }

  /** `PackedVector4Array(Vector4(...), ...)`. */
  toString(): string {
    return `PackedVector4Array(${this.values.join(', ')})`;
  }
}

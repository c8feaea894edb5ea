import type { Vector2 } from './vector2.js';

/**
 * Godot 4's `PackedVector2Array`: PACKED_VECTOR2_ARRAY (type 35), a count then two reals per item. A
 * plain `Vector2[]` encodes as an ARRAY of Vector2s instead; wrap it to send the packed type.
 */
export class PackedVector2Array {
  /** The items. The array is kept, not copied. */
  declare readonly values: readonly Vector2[];

  /** Wraps `values` (default empty). */
  constructor(values: readonly Vector2[] = []) {
    this.values = values;
  }

  /** `PackedVector2Array(Vector2(...), ...)`. */
  toString(): string {
    return `PackedVector2Array(${this.values.join(', ')})`;
  }
}

import type { Vector3 } from './vector3.js';

/**
 * Godot 4's `PackedVector3Array`: PACKED_VECTOR3_ARRAY (type 36), a count then three reals per item. A
 * plain `Vector3[]` encodes as an ARRAY of Vector3s instead; wrap it to send the packed type.
 */
export class PackedVector3Array {
  /** The items. The array is kept, not copied. */
  declare readonly values: readonly Vector3[];

  /** Wraps `values` (default empty). */
  constructor(values: readonly Vector3[] = []) {
    this.values = values;
  }

  /** `PackedVector3Array(Vector3(...), ...)`. */
  toString(): string {
    return `PackedVector3Array(${this.values.join(', ')})`;
  }
}

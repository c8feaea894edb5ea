import type { Color } from './color.js';

/**
 * Godot 4's `PackedColorArray`: PACKED_COLOR_ARRAY (type 37), a count then four float32 (also in
 * double-precision builds) per item. A plain `Color[]` encodes as an ARRAY of Colors instead; wrap it
 * to send the packed type.
 */
export class PackedColorArray {
  /** The items. The array is kept, not copied. */
  declare readonly values: readonly Color[];

  /** Wraps `values` (default empty). */
  constructor(values: readonly Color[] = []) {
    this.values = values;
  }

  /** `PackedColorArray(Color(...), ...)`. */
  toString(): string {
    return `PackedColorArray(${this.values.join(', ')})`;
  }
}

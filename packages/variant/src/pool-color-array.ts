import type { Color } from './color.js';

/**
 * Godot's `PoolColorArray`: POOL_COLOR_ARRAY (type 26), a count then four float32 per item. A plain `Color[]`
 * encodes as an ARRAY of Colors instead; wrap it to send the pool type.
 */
export class PoolColorArray {
  /** The items. The array is kept, not copied. */
  declare readonly values: readonly Color[];

  /** Wraps `values` (default empty). */
  constructor(values: readonly Color[] = []) {
    this.values = values;
  }

  /** `PoolColorArray(Color(...), ...)`. */
  toString(): string {
    return `PoolColorArray(${this.values.join(', ')})`;
  }
}

import type { Vector2 } from './vector2.js';

/**
 * Godot's `PoolVector2Array`: POOL_VECTOR2_ARRAY (type 24), a count then two float32 per item. A plain `Vector2[]`
 * encodes as an ARRAY of Vector2s instead; wrap it to send the pool type.
 */
export class PoolVector2Array {
  /** The items. The array is kept, not copied. */
  declare readonly values: readonly Vector2[];

  /** Wraps `values` (default empty). */
  constructor(values: readonly Vector2[] = []) {
    this.values = values;
  }

  /** `PoolVector2Array(Vector2(...), ...)`. */
  toString(): string {
    return `PoolVector2Array(${this.values.join(', ')})`;
  }
}

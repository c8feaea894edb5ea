import type { Vector3 } from './vector3.js';

/**
 * Godot's `PoolVector3Array`: POOL_VECTOR3_ARRAY (type 25), a count then three float32 per item. A plain `Vector3[]`
 * encodes as an ARRAY of Vector3s instead; wrap it to send the pool type.
 */
export class PoolVector3Array {
  /** The items. The array is kept, not copied. */
  declare readonly values: readonly Vector3[];

  /** Wraps `values` (default empty). */
  constructor(values: readonly Vector3[] = []) {
    this.values = values;
  }

  /** `PoolVector3Array(Vector3(...), ...)`. */
  toString(): string {
    return `PoolVector3Array(${this.values.join(', ')})`;
  }
}

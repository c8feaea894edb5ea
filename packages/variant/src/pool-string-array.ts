/**
 * Godot's `PoolStringArray`: POOL_STRING_ARRAY (type 23). A plain `string[]` encodes as an ARRAY of
 * STRINGs instead; wrap it to send the pool type. On the wire each string carries a trailing NUL.
 */
export class PoolStringArray {
  /** The strings. The array is kept, not copied. */
  declare readonly values: readonly string[];

  /** Wraps `values` (default empty). */
  constructor(values: readonly string[] = []) {
    this.values = values;
  }

  /** `PoolStringArray("a", "b")`. */
  toString(): string {
    return `PoolStringArray(${this.values.map((value) => JSON.stringify(value)).join(', ')})`;
  }
}

/**
 * Godot 4's `PackedStringArray`: PACKED_STRING_ARRAY (type 34). A plain `string[]` encodes as an
 * ARRAY of STRINGs instead; wrap it to send the packed type. On the wire each string carries a
 * trailing NUL.
 */
export class PackedStringArray {
  /** The strings. The array is kept, not copied. */
  declare readonly values: readonly string[];

  /** Wraps `values` (default empty). */
  constructor(values: readonly string[] = []) {
    this.values = values;
  }

  /** `PackedStringArray("a", "b")`. */
  toString(): string {
    return `PackedStringArray(${this.values.map((value) => JSON.stringify(value)).join(', ')})`;
  }
}

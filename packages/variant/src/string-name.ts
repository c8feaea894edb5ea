/**
 * Godot 4's `StringName` (GDScript `&"name"`): STRING_NAME (type 21), encoded like a STRING. A class
 * of its own so it round-trips: a plain `string` is sent as STRING.
 */
export class StringName {
  /** The text. */
  declare readonly value: string;

  /** Wraps `value` (default empty). */
  constructor(value = '') {
    this.value = value;
  }

  /** The text itself, so `String(name)` and template literals give it. */
  toString(): string {
    return this.value;
  }
}

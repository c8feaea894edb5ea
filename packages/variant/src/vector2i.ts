/** Godot 4's `Vector2i`: VECTOR2I (type 6), two int32 on the wire (components are truncated to int32 when sent). */
export class Vector2i {
  /** X component. */
  declare readonly x: number;
  /** Y component. */
  declare readonly y: number;

  /** A vector from its components (default `(0, 0)`, like Godot). */
  constructor(x = 0, y = 0) {
    this.x = x;
    this.y = y;
  }

  /** `Vector2i(x, y)`. */
  toString(): string {
    return `Vector2i(${this.x}, ${this.y})`;
  }
}

/** Godot's `Vector2`: VECTOR2 (type 5), two float32 on the wire. */
export class Vector2 {
  /** X component. */
  declare readonly x: number;
  /** Y component. */
  declare readonly y: number;

  /** A vector from its components (default `(0, 0)`, like Godot). */
  constructor(x = 0, y = 0) {
    this.x = x;
    this.y = y;
  }

  /** `Vector2(x, y)`. */
  toString(): string {
    return `Vector2(${this.x}, ${this.y})`;
  }
}

import { Vector2 } from './vector2.js';

/**
 * Godot's `Transform2D`: TRANSFORM2D (type 8), six float32 on the wire in Godot's `elements` order:
 * x axis (x, y), y axis (x, y), origin (x, y).
 */
export class Transform2D {
  /** The basis' x axis (Godot's `x`, `elements[0]`). */
  declare readonly x: Vector2;
  /** The basis' y axis (Godot's `y`, `elements[1]`). */
  declare readonly y: Vector2;
  /** The translation (Godot's `origin`, `elements[2]`). */
  declare readonly origin: Vector2;

  /** A transform from its axes and origin, like `Transform2D(x_axis, y_axis, origin)`; default identity. */
  constructor(x: Vector2 = new Vector2(1, 0), y: Vector2 = new Vector2(0, 1), origin: Vector2 = new Vector2()) {
    this.x = x;
    this.y = y;
    this.origin = origin;
  }

  /** `Transform2D(Vector2(...), Vector2(...), Vector2(...))`. */
  toString(): string {
    return `Transform2D(${this.x}, ${this.y}, ${this.origin})`;
  }
}

import { Vector2 } from './vector2.js';

/**
 * Godot's `Rect2`: RECT2 (type 6), four float32 on the wire in the order x, y, width, height
 * (position then size). Like Godot's `Rect2(x, y, width, height)` constructor, it holds the four
 * numbers; {@link Rect2.position} and {@link Rect2.size} give them as vectors.
 */
export class Rect2 {
  /** X of the position (top-left corner). */
  declare readonly x: number;
  /** Y of the position. */
  declare readonly y: number;
  /** Width (x of the size). */
  declare readonly width: number;
  /** Height (y of the size). */
  declare readonly height: number;

  /** A rectangle from its position and size components (all default 0). */
  constructor(x = 0, y = 0, width = 0, height = 0) {
    this.x = x;
    this.y = y;
    this.width = width;
    this.height = height;
  }

  /** A rectangle from Godot's two members. */
  static fromPositionSize(position: Vector2, size: Vector2): Rect2 {
    return new Rect2(position.x, position.y, size.x, size.y);
  }

  /** The position (Godot's `position` member), as a new vector. */
  get position(): Vector2 {
    return new Vector2(this.x, this.y);
  }

  /** The size (Godot's `size` member), as a new vector. */
  get size(): Vector2 {
    return new Vector2(this.width, this.height);
  }

  /** `Rect2(x, y, width, height)`. */
  toString(): string {
    return `Rect2(${this.x}, ${this.y}, ${this.width}, ${this.height})`;
  }
}

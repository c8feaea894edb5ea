import { Vector2i } from './vector2i.js';

/**
 * Godot 4's `Rect2i`: RECT2I (type 8), four int32 on the wire in the order x, y, width, height
 * (position then size; components are truncated to int32 when sent).
 */
export class Rect2i {
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

  /** The position (Godot's `position` member), as a new vector. */
  get position(): Vector2i {
    return new Vector2i(this.x, this.y);
  }

  /** The size (Godot's `size` member), as a new vector. */
  get size(): Vector2i {
    return new Vector2i(this.width, this.height);
  }

  /** `Rect2i(x, y, width, height)`. */
  toString(): string {
    return `Rect2i(${this.x}, ${this.y}, ${this.width}, ${this.height})`;
  }
}

import { Vector4 } from './vector4.js';

/**
 * Godot 4's `Projection`: PROJECTION (type 19), a 4x4 matrix as four column vectors, sixteen reals
 * on the wire column by column (`columns[i][j]` order): x, y, z, then w.
 */
export class Projection {
  /** Column 0. */
  declare readonly x: Vector4;
  /** Column 1. */
  declare readonly y: Vector4;
  /** Column 2. */
  declare readonly z: Vector4;
  /** Column 3. */
  declare readonly w: Vector4;

  /** A projection from its four columns, like `Projection(x, y, z, w)`; default the identity. */
  constructor(
    x: Vector4 = new Vector4(1, 0, 0, 0),
    y: Vector4 = new Vector4(0, 1, 0, 0),
    z: Vector4 = new Vector4(0, 0, 1, 0),
    w: Vector4 = new Vector4(0, 0, 0, 1),
  ) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.w = w;
  }

  /** `Projection(Vector4(...), Vector4(...), Vector4(...), Vector4(...))`. */
  toString(): string {
    return `Projection(${this.x}, ${this.y}, ${this.z}, ${this.w})`;
  }
}

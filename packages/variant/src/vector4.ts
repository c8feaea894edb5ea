/** Godot 4's `Vector4`: VECTOR4 (type 12), four reals on the wire (float32, or float64 in a double-precision build). */
export class Vector4 {
  /** X component. */
  declare readonly x: number;
  /** Y component. */
  declare readonly y: number;
  /** Z component. */
  declare readonly z: number;
  /** W component. */
  declare readonly w: number;

  /** A vector from its components (default `(0, 0, 0, 0)`, like Godot). */
  constructor(x = 0, y = 0, z = 0, w = 0) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.w = w;
  }

  /** `Vector4(x, y, z, w)`. */
  toString(): string {
    return `Vector4(${this.x}, ${this.y}, ${this.z}, ${this.w})`;
  }
}

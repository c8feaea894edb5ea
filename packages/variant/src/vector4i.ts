/** Godot 4's `Vector4i`: VECTOR4I (type 13), four int32 on the wire (components are truncated to int32 when sent). */
export class Vector4i {
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

  /** `Vector4i(x, y, z, w)`. */
  toString(): string {
    return `Vector4i(${this.x}, ${this.y}, ${this.z}, ${this.w})`;
  }
}

/** Godot 4's `Vector3i`: VECTOR3I (type 10), three int32 on the wire (components are truncated to int32 when sent). */
export class Vector3i {
  /** X component. */
  declare readonly x: number;
  /** Y component. */
  declare readonly y: number;
  /** Z component. */
  declare readonly z: number;

  /** A vector from its components (default `(0, 0, 0)`, like Godot). */
  constructor(x = 0, y = 0, z = 0) {
    this.x = x;
    this.y = y;
    this.z = z;
  }

  /** `Vector3i(x, y, z)`. */
  toString(): string {
    return `Vector3i(${this.x}, ${this.y}, ${this.z})`;
  }
}

/** Godot's `Vector3`: VECTOR3 (type 7), three float32 on the wire. */
export class Vector3 {
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

  /** `Vector3(x, y, z)`. */
  toString(): string {
    return `Vector3(${this.x}, ${this.y}, ${this.z})`;
  }
}

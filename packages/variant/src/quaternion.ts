/**
 * Godot 4's `Quaternion` (Godot 3's `Quat`): QUATERNION (type 15), four reals on the wire in the
 * order x, y, z, w.
 */
export class Quaternion {
  /** X (imaginary i part). */
  declare readonly x: number;
  /** Y (imaginary j part). */
  declare readonly y: number;
  /** Z (imaginary k part). */
  declare readonly z: number;
  /** W (real part). */
  declare readonly w: number;

  /** A quaternion from its components (default the identity `(0, 0, 0, 1)`, like Godot). */
  constructor(x = 0, y = 0, z = 0, w = 1) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.w = w;
  }

  /** `Quaternion(x, y, z, w)`. */
  toString(): string {
    return `Quaternion(${this.x}, ${this.y}, ${this.z}, ${this.w})`;
  }
}

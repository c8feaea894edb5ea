import { Basis } from './basis.js';
import { Vector3 } from './vector3.js';

/** Godot's `Transform` (3D): TRANSFORM (type 13), twelve float32 on the wire: the basis' 9, then the origin's 3. */
export class Transform {
  /** The rotation/scale part. */
  declare readonly basis: Basis;
  /** The translation. */
  declare readonly origin: Vector3;

  /** A transform from a basis and an origin (default identity and zero, like Godot). */
  constructor(basis: Basis = new Basis(), origin: Vector3 = new Vector3()) {
    this.basis = basis;
    this.origin = origin;
  }

  /** `Transform(Basis(...), Vector3(...))`. */
  toString(): string {
    return `Transform(${this.basis}, ${this.origin})`;
  }
}

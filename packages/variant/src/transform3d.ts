import { Basis } from './basis.js';
import { Vector3 } from './vector3.js';

/**
 * Godot 4's `Transform3D` (Godot 3's `Transform`): TRANSFORM3D (type 18), twelve reals on the wire:
 * the basis' 9 (row-major), then the origin's 3.
 */
export class Transform3D {
  /** The rotation/scale part. */
  declare readonly basis: Basis;
  /** The translation. */
  declare readonly origin: Vector3;

  /** A transform from a basis and an origin (default identity and zero, like Godot). */
  constructor(basis: Basis = new Basis(), origin: Vector3 = new Vector3()) {
    this.basis = basis;
    this.origin = origin;
  }

  /** `Transform3D(Basis(...), Vector3(...))`. */
  toString(): string {
    return `Transform3D(${this.basis}, ${this.origin})`;
  }
}

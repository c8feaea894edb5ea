import { Vector3 } from './vector3.js';

/**
 * Godot's `Plane`: PLANE (type 9), four float32 on the wire in the order normal x, y, z, then d.
 * Like Godot's `Plane(a, b, c, d)` constructor (and its `x`, `y`, `z`, `d` members) it holds the four
 * numbers; {@link Plane.normal} gives the normal as a vector.
 */
export class Plane {
  /** X of the normal. */
  declare readonly x: number;
  /** Y of the normal. */
  declare readonly y: number;
  /** Z of the normal. */
  declare readonly z: number;
  /** Distance from the origin along the normal. */
  declare readonly d: number;

  /** A plane from its normal components and distance (all default 0). */
  constructor(x = 0, y = 0, z = 0, d = 0) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.d = d;
  }

  /** A plane from Godot's two members, like `Plane(normal, d)`. */
  static fromNormal(normal: Vector3, d: number): Plane {
    return new Plane(normal.x, normal.y, normal.z, d);
  }

  /** The normal (Godot's `normal` member), as a new vector. */
  get normal(): Vector3 {
    return new Vector3(this.x, this.y, this.z);
  }

  /** `Plane(x, y, z, d)`. */
  toString(): string {
    return `Plane(${this.x}, ${this.y}, ${this.z}, ${this.d})`;
  }
}

import { Vector3 } from './vector3.js';

/** Godot's `AABB`: AABB (type 11), six float32 on the wire: position x, y, z, then size x, y, z. */
export class AABB {
  /** The corner with the smallest coordinates. */
  declare readonly position: Vector3;
  /** The extent from `position`. */
  declare readonly size: Vector3;

  /** A box from its position and size (both default to the zero vector, like Godot). */
  constructor(position: Vector3 = new Vector3(), size: Vector3 = new Vector3()) {
    this.position = position;
    this.size = size;
  }

  /** `AABB(Vector3(...), Vector3(...))`. */
  toString(): string {
    return `AABB(${this.position}, ${this.size})`;
  }
}

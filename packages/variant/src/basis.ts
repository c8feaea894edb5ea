import { msg } from '@wspeer/core';
import { Vector3 } from './vector3.js';

const IDENTITY: readonly number[] = Object.freeze([1, 0, 0, 0, 1, 0, 0, 0, 1]);

/**
 * Godot's `Basis`: BASIS (type 12), nine float32 on the wire in Godot's `elements[row][column]` order,
 * so {@link Basis.elements} is row-major: `elements[0..2]` is row 0, `elements[3..5]` row 1,
 * `elements[6..8]` row 2. Godot's axis vectors (`x`, `y`, `z`) are the columns.
 */
export class Basis {
  /** The nine numbers, row-major (wire order). */
  declare readonly elements: readonly number[];

  /**
   * A basis from nine row-major numbers (default the identity). The array is kept, not copied.
   * @throws RangeError when `elements` does not hold exactly nine numbers.
   */
  constructor(elements: readonly number[] = IDENTITY) {
    if (elements.length !== 9) throw new RangeError(msg`Basis needs 9 elements, got ${elements.length}`);
    this.elements = elements;
  }

  /** A basis from its three axis (column) vectors, like Godot's `Basis(x_axis, y_axis, z_axis)`. */
  static fromAxes(x: Vector3, y: Vector3, z: Vector3): Basis {
    return new Basis([x.x, y.x, z.x, x.y, y.y, z.y, x.z, y.z, z.z]);
  }

  /** Row `index` (0..2) as a vector. */
  row(index: number): Vector3 {
    const e = this.elements;
    const i = index * 3;
    return new Vector3(e[i], e[i + 1], e[i + 2]);
  }

  /** Axis (column) `index` (0..2) as a vector: Godot's `get_axis(index)`. */
  axis(index: number): Vector3 {
    const e = this.elements;
    return new Vector3(e[index], e[index + 3], e[index + 6]);
  }

  /** `Basis(row0, row1, row2)` with each row as `Vector3(...)`. */
  toString(): string {
    return `Basis(${this.row(0)}, ${this.row(1)}, ${this.row(2)})`;
  }
}

/** Godot's `Color`: COLOR (type 14), four float32 on the wire in the order r, g, b, a. */
export class Color {
  /** Red, usually 0..1. */
  declare readonly r: number;
  /** Green, usually 0..1. */
  declare readonly g: number;
  /** Blue, usually 0..1. */
  declare readonly b: number;
  /** Alpha, usually 0..1. */
  declare readonly a: number;

  /** A color from its components; alpha defaults to 1 and the rest to 0, like Godot. */
  constructor(r = 0, g = 0, b = 0, a = 1) {
    this.r = r;
    this.g = g;
    this.b = b;
    this.a = a;
  }

  /** `Color(r, g, b, a)`. */
  toString(): string {
    return `Color(${this.r}, ${this.g}, ${this.b}, ${this.a})`;
  }
}

/**
 * Forces Godot's REAL (float) type for a number. A plain integral `number` encodes as INT
 * (`3` -> INT 3); `new Real(3)` encodes as REAL 3.0 (float32 when exact, else float64). Decoding
 * gives back a plain `number`.
 */
export class Real {
  /** The number to send as a float. */
  declare readonly value: number;

  /** Wraps `value` so it is encoded as REAL. */
  constructor(value: number) {
    this.value = value;
  }

  /** The wrapped number, so `+real` and arithmetic work. */
  valueOf(): number {
    return this.value;
  }

  /** `Real(3)`. */
  toString(): string {
    return `Real(${this.value})`;
  }
}

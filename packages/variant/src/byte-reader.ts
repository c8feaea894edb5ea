const TWO_POW_32 = 4294967296;

/**
 * A little-endian cursor over a byte array, for reading packets. Reads are not range-checked beyond
 * `DataView`'s own bounds check (which throws): check {@link ByteReader.remaining} first. The Variant
 * decoder does, so it never reads past {@link ByteReader.end}.
 */
export class ByteReader {
  /** The bytes being read. */
  declare readonly bytes: Uint8Array;
  /** Offset of the next read, relative to `bytes`. */
  declare pos: number;
  /** Offset where the readable range ends (exclusive). */
  declare readonly end: number;
  readonly #view: DataView;

  /** A reader over `bytes[offset, end)`; both bounds are clamped to the array. */
  constructor(bytes: Uint8Array, offset = 0, end = bytes.length) {
    const last = Math.max(0, Math.min(end, bytes.length));
    this.bytes = bytes;
    this.pos = Math.max(0, Math.min(offset, last));
    this.end = last;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Bytes left between `pos` and `end`. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /** Reads one byte. */
  u8(): number {
    return this.#view.getUint8(this.pos++);
  }

  /** Reads a uint32. */
  u32(): number {
    const value = this.#view.getUint32(this.pos, true);
    this.pos += 4;
    return value;
  }

  /** Reads an int32. */
  i32(): number {
    const value = this.#view.getInt32(this.pos, true);
    this.pos += 4;
    return value;
  }

  /** Reads an int64: a `number` when it is a safe integer, else a `bigint`. */
  i64(): number | bigint {
    const low = this.#view.getUint32(this.pos, true);
    const high = this.#view.getInt32(this.pos + 4, true);
    const value = high * TWO_POW_32 + low;
    const result = Number.isSafeInteger(value) ? value : this.#view.getBigInt64(this.pos, true);
    this.pos += 8;
    return result;
  }

  /** Reads a float32. */
  f32(): number {
    const value = this.#view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
  }

  /** Reads a float64. */
  f64(): number {
    const value = this.#view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** A copy of the next `count` bytes (a fresh, unshared buffer), and moves past them. */
  copyBytes(count: number): Uint8Array {
    const copy = this.bytes.slice(this.pos, this.pos + count);
    this.pos += count;
    return copy;
  }

  /** Moves `count` bytes forward, stopping at `end` (used for padding Godot allows to be cut off). */
  skip(count: number): void {
    this.pos = Math.min(this.pos + count, this.end);
  }
}

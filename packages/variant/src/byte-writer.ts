import { putUtf8 } from './put-utf8.js';

const EMPTY = new Uint8Array(0);
const EMPTY_VIEW = new DataView(EMPTY.buffer);
const TWO_POW_32 = 4294967296;
/**
 * Capacity after the first growth. Small buffers are cheap to allocate and larger ones cost a fixed
 * overhead each, so a packet that outgrows the default 64 bytes jumps to this size in one step.
 */
const MIN_GROWN_CAPACITY = 256;

/**
 * A growable little-endian byte buffer for building packets: Variants, headers and strings appended
 * one after the other with no intermediate arrays. Capacity doubles as needed; {@link ByteWriter.finish}
 * hands out the written bytes without copying.
 */
export class ByteWriter {
  #buf: Uint8Array;
  #view: DataView;
  #pos = 0;

  /** An empty writer with room for `initialCapacity` bytes before the first growth. */
  constructor(initialCapacity = 64) {
    this.#buf = new Uint8Array(initialCapacity);
    this.#view = new DataView(this.#buf.buffer);
  }

  /** Number of bytes written so far (the offset the next write goes to). */
  get length(): number {
    return this.#pos;
  }

  /** Makes room for `count` more bytes. */
  reserve(count: number): void {
    if (this.#pos + count > this.#buf.length) this.#grow(this.#pos + count);
  }

  /** Drops everything written after the first `length` bytes (to undo a failed append). */
  truncate(length: number): void {
    if (length >= 0 && length < this.#pos) this.#pos = length;
  }

  /** Appends one byte. */
  u8(value: number): void {
    const at = this.#append(1);
    this.#buf[at] = value;
  }

  /** Appends a uint32 (values are taken modulo 2^32, so `n | 0x80000000` works). */
  u32(value: number): void {
    const at = this.#append(4);
    this.#view.setUint32(at, value, true);
  }

  /** Appends an int32. */
  i32(value: number): void {
    // ToInt32 and ToUint32 keep the same low 32 bits, so the bytes are those of `u32`.
    this.u32(value);
  }

  /** Appends an int64: a safe-integer `number` (written without going through `bigint`) or a `bigint`. */
  i64(value: number | bigint): void {
    const at = this.#append(8);
    if (typeof value === 'bigint') {
      this.#view.setBigInt64(at, value, true);
    } else {
      this.#view.setUint32(at, value >>> 0, true);
      this.#view.setInt32(at + 4, Math.floor(value / TWO_POW_32), true);
    }
  }

  /** Appends a float32 (the number is rounded to single precision). */
  f32(value: number): void {
    const at = this.#append(4);
    this.#view.setFloat32(at, value, true);
  }

  /** Appends a float64. */
  f64(value: number): void {
    const at = this.#append(8);
    this.#view.setFloat64(at, value, true);
  }

  /** Appends the bytes of `data`. */
  bytes(data: Uint8Array): void {
    const at = this.#append(data.length);
    this.#buf.set(data, at);
  }

  /** Appends `count` zero bytes (padding). */
  zeros(count: number): void {
    const at = this.#append(count);
    this.#buf.fill(0, at, at + count);
  }

  /** Overwrites the uint32 at `offset` (already written), e.g. a length known only afterwards. */
  setU32(offset: number, value: number): void {
    this.#view.setUint32(offset, value, true);
  }

  /**
   * Appends `text` as UTF-8 in one pass, with no intermediate array, and returns the number of bytes
   * written. Lone surrogates become U+FFFD, as with `TextEncoder`.
   */
  utf8(text: string): number {
    this.reserve(text.length * 3);
    const start = this.#pos;
    this.#pos = putUtf8(this.#buf, start, text);
    return this.#pos - start;
  }

  /**
   * Returns the bytes written so far as a view on the internal buffer (no copy) and detaches it: the
   * writer starts over empty, so later writes never touch the returned bytes.
   */
  finish(): Uint8Array {
    const out = this.#buf.subarray(0, this.#pos);
    this.#buf = EMPTY;
    this.#view = EMPTY_VIEW;
    this.#pos = 0;
    return out;
  }

  /**
   * Reserves `count` bytes and moves past them; returns where they start. Call it before reading
   * `#buf` or `#view`, which it may replace.
   */
  #append(count: number): number {
    this.reserve(count);
    const at = this.#pos;
    this.#pos = at + count;
    return at;
  }

  #grow(needed: number): void {
    let capacity = Math.max(MIN_GROWN_CAPACITY, this.#buf.length * 2);
    while (capacity < needed) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.#buf.subarray(0, this.#pos));
    this.#buf = next;
    this.#view = new DataView(next.buffer);
  }
}

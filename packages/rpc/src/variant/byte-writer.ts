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
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  /** An empty writer with room for `initialCapacity` bytes before the first growth. */
  constructor(initialCapacity = 64) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  /** Number of bytes written so far (the offset the next write goes to). */
  get length(): number {
    return this.pos;
  }

  /** Makes room for `count` more bytes. */
  reserve(count: number): void {
    if (this.pos + count > this.buf.length) this.grow(this.pos + count);
  }

  /** Drops everything written after the first `length` bytes (to undo a failed append). */
  truncate(length: number): void {
    if (length >= 0 && length < this.pos) this.pos = length;
  }

  /** Appends one byte. */
  u8(value: number): void {
    this.reserve(1);
    this.buf[this.pos++] = value;
  }

  /** Appends a uint32 (values are taken modulo 2^32, so `n | 0x80000000` works). */
  u32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.pos, value, true);
    this.pos += 4;
  }

  /** Appends an int32. */
  i32(value: number): void {
    this.reserve(4);
    this.view.setInt32(this.pos, value, true);
    this.pos += 4;
  }

  /** Appends an int64: a safe-integer `number` (written without going through `bigint`) or a `bigint`. */
  i64(value: number | bigint): void {
    this.reserve(8);
    if (typeof value === 'bigint') {
      this.view.setBigInt64(this.pos, value, true);
    } else {
      this.view.setUint32(this.pos, value >>> 0, true);
      this.view.setInt32(this.pos + 4, Math.floor(value / TWO_POW_32), true);
    }
    this.pos += 8;
  }

  /** Appends a float32 (the number is rounded to single precision). */
  f32(value: number): void {
    this.reserve(4);
    this.view.setFloat32(this.pos, value, true);
    this.pos += 4;
  }

  /** Appends a float64. */
  f64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.pos, value, true);
    this.pos += 8;
  }

  /** Appends the bytes of `data`. */
  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  /** Appends `count` zero bytes (padding). */
  zeros(count: number): void {
    this.reserve(count);
    this.buf.fill(0, this.pos, this.pos + count);
    this.pos += count;
  }

  /** Overwrites the uint32 at `offset` (already written), e.g. a length known only afterwards. */
  setU32(offset: number, value: number): void {
    this.view.setUint32(offset, value, true);
  }

  /**
   * Appends `text` as UTF-8 in one pass, with no intermediate array, and returns the number of bytes
   * written. Lone surrogates become U+FFFD, as with `TextEncoder`.
   */
  utf8(text: string): number {
    this.reserve(text.length * 3);
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        buf[p++] = c;
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c < 0xdc00 && isLowSurrogate(text.charCodeAt(i + 1))) {
        p = putCodePoint4(buf, p, 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00));
      } else {
        p = putCodeUnit3(buf, p, c >= 0xd800 && c < 0xe000 ? 0xfffd : c);
      }
    }
    this.pos = p;
    return p - start;
  }

  /**
   * Returns the bytes written so far as a view on the internal buffer (no copy) and detaches it: the
   * writer starts over empty, so later writes never touch the returned bytes.
   */
  finish(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = EMPTY;
    this.view = EMPTY_VIEW;
    this.pos = 0;
    return out;
  }

  private grow(needed: number): void {
    let capacity = Math.max(MIN_GROWN_CAPACITY, this.buf.length * 2);
    while (capacity < needed) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c < 0xe000;
}

function putCodeUnit3(buf: Uint8Array, p: number, c: number): number {
  buf[p] = 0xe0 | (c >> 12);
  buf[p + 1] = 0x80 | ((c >> 6) & 0x3f);
  buf[p + 2] = 0x80 | (c & 0x3f);
  return p + 3;
}

function putCodePoint4(buf: Uint8Array, p: number, c: number): number {
  buf[p] = 0xf0 | (c >> 18);
  buf[p + 1] = 0x80 | ((c >> 12) & 0x3f);
  buf[p + 2] = 0x80 | ((c >> 6) & 0x3f);
  buf[p + 3] = 0x80 | (c & 0x3f);
  return p + 4;
}

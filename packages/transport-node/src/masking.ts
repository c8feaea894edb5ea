import { randomFillSync } from 'node:crypto';
import { createRequire } from 'node:module';

/** The functions of `bufferutil` (native, or its own JavaScript fallback where no binary exists). */
interface Bufferutil {
  mask(source: Uint8Array, mask: Uint8Array, output: Uint8Array, offset: number, length: number): void;
  unmask(buffer: Uint8Array, mask: Uint8Array): void;
}

/**
 * `bufferutil`, the optional dependency `ws` masks with, under the same rule as `ws`: not when
 * `WS_NO_BUFFER_UTIL` is set, and not when it is not installed. `null` means JavaScript masking.
 */
function loadBufferutil(): Bufferutil | null {
  if (process.env.WS_NO_BUFFER_UTIL) return null;
  try {
    return createRequire(import.meta.url)('bufferutil') as Bufferutil;
  } catch {
    return null;
  }
}

const bufferutil = loadBufferutil();
/** Below this many bytes a JavaScript loop masks faster than a call into the add-on (ws uses 48 and 32). */
const NATIVE_FROM = 48;

/** Random bytes for masking keys, refilled 2,048 keys at a time (RFC 6455 wants unpredictable keys). */
const pool = Buffer.allocUnsafe(8192);
let poolAt = pool.length;
/** The key of the frame being masked. */
const key = Buffer.alloc(4);

/**
 * Draws a fresh masking key (RFC 6455 section 5.3), writes it at `at` in `target` (right after the
 * frame header) and makes it the key of {@link maskInto} and {@link maskInPlace}. Returns `at + 4`.
 */
export function nextMaskKey(target: Buffer, at: number): number {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  for (let i = 0; i < 4; i++) {
    const byte = pool[poolAt++] as number;
    key[i] = byte;
    target[at + i] = byte;
  }
  return at + 4;
}

/** Writes `source` XOR the current key into `output` at `offset` (one pass: copy and mask). */
export function maskInto(source: Uint8Array, output: Buffer, offset: number): void {
  const length = source.byteLength;
  if (bufferutil !== null && length >= NATIVE_FROM) {
    bufferutil.mask(source, key, output, offset, length);
    return;
  }
  for (let i = 0; i < length; i++) output[offset + i] = (source[i] as number) ^ (key[i & 3] as number);
}

/** XORs `length` bytes of `buffer` at `offset` with the current key, in place. */
export function maskInPlace(buffer: Buffer, offset: number, length: number): void {
  if (bufferutil !== null && length >= NATIVE_FROM) {
    bufferutil.unmask(buffer.subarray(offset, offset + length), key);
    return;
  }
  for (let i = 0; i < length; i++) buffer[offset + i] = (buffer[offset + i] as number) ^ (key[i & 3] as number);
}

import type { ByteWriter } from './byte-writer.js';
import { writeReal } from './number-writers.js';
import type { Real } from './real.js';

/**
 * {@link Real}: REAL / FLOAT (type 3 in both versions), float32 when exact, else float64 with the
 * 64-bit flag, so the header the caller wrote is replaced.
 */
export function writeRealClass(w: ByteWriter, value: Real): void {
  w.truncate(w.length - 4);
  writeReal(w, value.value);
}

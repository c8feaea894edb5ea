import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import type { VariantCodec } from './variant-codec.js';
import { invalid } from './write-variant-with.js';

const TWO_POW_32 = 0x100000000n;

/** Reads a uint64 (an RID or object id) as a `bigint`; 8 bytes remain. */
export function readU64(r: ByteReader): bigint {
  const low = r.u32();
  return BigInt(r.u32()) * TWO_POW_32 + BigInt(low);
}

/** Writes a uint64 (an RID or object id); refuses anything but a `bigint` in 0..2^64-1. */
export function writeU64(w: ByteWriter, value: bigint, what: string, codec: VariantCodec): void {
  if (typeof value !== 'bigint' || BigInt.asUintN(64, value) !== value) {
    throw invalid(`${what} ${String(value)} (ids are bigints in 0..2^64-1)`, codec);
  }
  w.u32(Number(value % TWO_POW_32));
  w.u32(Number(value / TWO_POW_32));
}

import { msg } from '@wspeer/core';
import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import type { VariantCodec } from './variant-codec.js';
import { invalid } from './write-variant-with.js';

/** Reads a uint64 (an RID or object id) as a `bigint`; 8 bytes remain. */
export function readU64(r: ByteReader): bigint {
  // The int64 read has the same bits; asUintN gives them back as unsigned.
  return BigInt.asUintN(64, BigInt(r.i64()));
}

/** Writes a uint64 (an RID or object id); refuses anything but a `bigint` in 0..2^64-1. */
export function writeU64(w: ByteWriter, value: bigint, what: string, codec: VariantCodec): void {
  if (typeof value !== 'bigint' || BigInt.asUintN(64, value) !== value) {
    throw invalid(msg`${what} ${String(value)} (ids are bigints in 0..2^64-1)`, codec);
  }
  // The same bytes as the uint64 (two's complement).
  w.i64(BigInt.asIntN(64, value));
}

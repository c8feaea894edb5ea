import { ErrorCode } from '@wspeer/core';
import { ByteReader } from './byte-reader.js';
import { DECODE_FAILED } from './decode-failed.js';
import { DEFAULT_MAX_DEPTH } from './default-max-depth.js';
import { readVariant } from './read-variant.js';
import type { Variant } from './variant.js';

/** Options for {@link decodeVariant}. */
export interface DecodeOptions {
  /** ARRAY/DICTIONARY levels allowed (`[[1]]` is 2); deeper input fails. Default `DEFAULT_MAX_DEPTH` (256). */
  readonly maxDepth?: number;
}

/** What {@link decodeVariant} returns: the value and its encoded size, or `ERR_INVALID_DATA`. */
export type DecodeResult =
  | {
      /** `OK`. */
      readonly error: typeof ErrorCode.OK;
      /** The decoded value. */
      readonly value: Variant;
      /** Bytes the value took, from `offset`. */
      readonly bytesRead: number;
    }
  | {
      /** `ERR_INVALID_DATA`: the bytes are not a Variant. */
      readonly error: typeof ErrorCode.ERR_INVALID_DATA;
      /** `null`. */
      readonly value: null;
      /** 0. */
      readonly bytesRead: 0;
    };

const INVALID: DecodeResult = Object.freeze({ error: ErrorCode.ERR_INVALID_DATA, value: null, bytesRead: 0 });

/**
 * Decodes one Godot 3.2 Variant starting at `offset` (what `bytes2var` / `PacketPeer.get_var` read).
 * Bytes after the value are ignored; `bytesRead` says where it ended. Total: any input gives either
 * `OK` or `ERR_INVALID_DATA` (see `readVariant` for what fails), never an exception, and never
 * an allocation larger than the input justifies. Decoded values are canonical: NIL is `null`, INT a
 * `number` (a `bigint` for int64 beyond 2^53), REAL a `number`, DICTIONARY a `Map`, pool arrays
 * fresh typed arrays or pool wrappers.
 */
export function decodeVariant(bytes: Uint8Array, offset = 0, options?: DecodeOptions): DecodeResult {
  if (!Number.isInteger(offset) || offset < 0 || offset > bytes.length) return INVALID;
  const reader = new ByteReader(bytes, offset);
  let value: Variant | typeof DECODE_FAILED;
  try {
    value = readVariant(reader, options?.maxDepth ?? DEFAULT_MAX_DEPTH);
  } catch {
    // Not expected (every read is bounds-checked); a stack overflow from a huge custom maxDepth lands here.
    return INVALID;
  }
  if (value === DECODE_FAILED) return INVALID;
  return { error: ErrorCode.OK, value, bytesRead: reader.pos - offset };
}

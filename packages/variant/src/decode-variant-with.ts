import { ErrorCode } from '@wspeer/core';
import { ByteReader } from './byte-reader.js';
import { DECODE_FAILED } from './decode-failed.js';
import { DEFAULT_MAX_DEPTH } from './default-max-depth.js';
import { readValue } from './read-value.js';
import type { Variant } from './variant.js';
import type { VariantCodec } from './variant-codec.js';

/** Options for {@link decodeVariantWith} and `decodeVariant`. */
export interface DecodeOptions {
  /** ARRAY/DICTIONARY levels allowed (`[[1]]` is 2); deeper input fails. Default `DEFAULT_MAX_DEPTH`. */
  readonly maxDepth?: number;
}

/** What a decode returns: the value and its encoded size, or `ERR_INVALID_DATA`. */
export type DecodeResult<V = Variant> =
  | {
      /** `OK`. */
      readonly error: typeof ErrorCode.OK;
      /** The decoded value. */
      readonly value: V;
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

const INVALID = Object.freeze({ error: ErrorCode.ERR_INVALID_DATA, value: null, bytesRead: 0 } as const);

/**
 * Decodes one Variant of `codec`'s engine version starting at `offset` (what `bytes_to_var` /
 * `PacketPeer.get_var` read). Bytes after the value are ignored; `bytesRead` says where it ended.
 * Total: any input gives either `OK` or `ERR_INVALID_DATA` (see `readVariantWith` for what
 * fails), never an exception, and never an allocation larger than the input justifies.
 */
export function decodeVariantWith<V>(
  codec: VariantCodec<V>,
  bytes: Uint8Array,
  offset = 0,
  options?: DecodeOptions,
): DecodeResult<V> {
  if (!Number.isInteger(offset) || offset < 0 || offset > bytes.length) return INVALID;
  const reader = new ByteReader(bytes, offset);
  let value: unknown;
  try {
    value = readValue(reader, options?.maxDepth ?? DEFAULT_MAX_DEPTH, codec);
  } catch {
    // Not expected (every read is bounds-checked); a stack overflow from a huge custom maxDepth lands here.
    return INVALID;
  }
  if (value === DECODE_FAILED) return INVALID;
  return { error: ErrorCode.OK, value: value as V, bytesRead: reader.pos - offset };
}

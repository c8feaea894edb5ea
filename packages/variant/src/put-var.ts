import { ErrorCode } from '@wspeer/core';
import { encodeVariant } from './encode-variant.js';
import type { Variant } from './variant.js';
import { VariantError } from './variant-error.js';

/** Something packets can be sent through, such as a `WebSocketPeer` or a multiplayer peer. */
export interface PacketSink {
  /** Queues one packet; returns `OK` or why it could not. */
  putPacket(buffer: Uint8Array): ErrorCode;
}

/** Godot 3.2's default `PacketPeer.encode_buffer_max_size` (8 MiB). */
export const ENCODE_BUFFER_MAX_SIZE = 8 * 1024 * 1024;

/**
 * Godot's `PacketPeer.put_var`: encodes `value` as a Variant and sends it as one packet. Returns
 * `ERR_INVALID_PARAMETER` when the value has no Variant form, `ERR_OUT_OF_MEMORY` when the encoding
 * is larger than `maxSize` (Godot's `encode_buffer_max_size`), else what `putPacket` returns.
 */
export function putVar(peer: PacketSink, value: Variant, maxSize = ENCODE_BUFFER_MAX_SIZE): ErrorCode {
  let bytes: Uint8Array;
  try {
    bytes = encodeVariant(value);
  } catch (error) {
    if (error instanceof VariantError) return error.code;
    throw error;
  }
  if (bytes.length > maxSize) return ErrorCode.ERR_OUT_OF_MEMORY;
  return peer.putPacket(bytes);
}

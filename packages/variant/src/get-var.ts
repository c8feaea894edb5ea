import { ErrorCode } from '@wspeer/core';
import { decodeVariant } from './decode-variant.js';
import type { Variant } from './variant.js';

/** Something packets can be received from, such as a `WebSocketPeer` or a multiplayer peer. */
export interface PacketSource {
  /** Takes the next packet (empty when none; see `getPacketError`). */
  getPacket(): Uint8Array;
  /** The error of the last `getPacket`, e.g. `ERR_UNAVAILABLE` when there was no packet. */
  getPacketError?(): ErrorCode;
}

/** What {@link getVar} returns: `value` is `null` unless `error` is `OK`. */
export interface GetVarResult {
  /** `OK`, the packet error (e.g. `ERR_UNAVAILABLE`), or `ERR_INVALID_DATA` for an undecodable packet. */
  readonly error: ErrorCode;
  /** The decoded value. */
  readonly value: Variant;
}

/**
 * Godot's `PacketPeer.get_var`: takes the next packet and decodes it as one Variant. As in Godot 3.2,
 * bytes after the value are ignored, and a `getPacket` failure is passed through unchanged.
 */
export function getVar(peer: PacketSource): GetVarResult {
  const packet = peer.getPacket();
  const packetError = peer.getPacketError?.() ?? ErrorCode.OK;
  if (packetError !== ErrorCode.OK) return { error: packetError, value: null };
  const { error, value } = decodeVariant(packet);
  return { error, value };
}

import { decodeUtf8 } from '@wspeer/core';
import { ByteWriter, type VariantCodec, writeVariantWith } from '@wspeer/variant';
import { FULL_PATH_FLAG, NetworkCommand } from './network-command.js';

/** A REMOTE_CALL / REMOTE_SET packet with the full path appended (see {@link callPacket}). */
export interface CallPacket {
  /** `[cmd][cache id][name\0][argc][args...][path\0]` with the cache id in bytes 1-4. */
  bytes: Uint8Array;
  /** Offset of the path: the packet without path is `bytes.subarray(0, pathOffset)`. */
  pathOffset: number;
}

/**
 * Encodes a call (`values` = arguments) or a set (`values` = [value]) with `codec` exactly as Godot
 * 3.2's `_send_rpc`. Throws `VariantError` for values the codec cannot encode.
 */
export function callPacket(
  codec: VariantCodec,
  set: boolean,
  cacheId: number,
  name: string,
  values: readonly unknown[],
  path: string,
): CallPacket {
  const w = new ByteWriter(32 + name.length + path.length + values.length * 16);
  w.u8(set ? NetworkCommand.REMOTE_SET : NetworkCommand.REMOTE_CALL);
  w.u32(cacheId);
  cstring(w, name);
  if (!set) w.u8(values.length);
  for (const value of values) writeVariantWith(codec, w, value);
  const pathOffset = w.length;
  cstring(w, path);
  return { bytes: w.finish(), pathOffset };
}

/** A copy of a call packet that names its node by full path (target = flag | path offset). */
export function fullPathForm(packet: CallPacket): Uint8Array {
  const bytes = packet.bytes.slice();
  new DataView(bytes.buffer).setUint32(1, (FULL_PATH_FLAG | packet.pathOffset) >>> 0, true);
  return bytes;
}

/** `SIMPLIFY_PATH` with a cache id (`[2][cache id][path\0]`), or `CONFIRM_PATH` without (`[3][path\0]`). */
export function pathPacket(cacheId: number | null, path: string): Uint8Array {
  const w = new ByteWriter(8 + path.length * 3);
  if (cacheId === null) {
    w.u8(NetworkCommand.CONFIRM_PATH);
  } else {
    w.u8(NetworkCommand.SIMPLIFY_PATH);
    w.u32(cacheId);
  }
  cstring(w, path);
  return w.finish();
}

/** `RAW`: `[4][bytes...]`. */
export function rawPacket(data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(data.byteLength + 1);
  bytes[0] = NetworkCommand.RAW;
  bytes.set(data, 1);
  return bytes;
}

/** The uint32 at bytes 1-4 of a packet (at least 5 bytes): a call's target, or SIMPLIFY_PATH's cache id. */
export function packetWord(p: Uint8Array): number {
  return ((p[1] as number) | ((p[2] as number) << 8) | ((p[3] as number) << 16) | ((p[4] as number) << 24)) >>> 0;
}

/**
 * Reads a NUL-terminated UTF-8 string at `offset` (to the end when there is no NUL, as Godot's
 * `parse_utf8` with a length). Returns the text and where it ended, or `null` for invalid UTF-8.
 */
export function readCString(bytes: Uint8Array, offset: number): { text: string; end: number } | null {
  // Native search: a 60 KB name costs microseconds, not a JS loop per byte.
  const nul = bytes.indexOf(0, offset);
  const end = nul < 0 ? bytes.byteLength : nul;
  const text = decodeUtf8(bytes.subarray(offset, end), true);
  return text === null ? null : { text, end };
}

function cstring(w: ByteWriter, text: string): void {
  w.utf8(text);
  w.u8(0);
}

import { decodeUtf8, encodeUtf8 } from '@wspeer/core';
import { SceneCommand, SysCommand } from './scene-command.js';

/**
 * `head` (bytes, each taken modulo 256 as a typed array stores it) followed by `body`: every packet
 * of this layer is a few header bytes and a body. One copy of the body, as a DataView-built header would.
 */
function framed(head: readonly number[], body?: Uint8Array): Uint8Array {
  const packet = new Uint8Array(head.length + (body?.byteLength ?? 0));
  packet.set(head);
  if (body !== undefined) packet.set(body, head.length);
  return packet;
}

/** `[7][sys command][int32 id]`: ADD_PEER / DEL_PEER from the server. */
export function sysPacket(command: number, id: number): Uint8Array {
  return framed([SceneCommand.SYS, command, id, id >> 8, id >> 16, id >> 24]);
}

/** `[7][3][int32 peer][inner]`: a relay to `peer` (client to server) or from `peer` (server to client). */
export function relayPacket(peer: number, inner: Uint8Array): Uint8Array {
  return framed([SceneCommand.SYS, SysCommand.RELAY, peer, peer >> 8, peer >> 16, peer >> 24], inner);
}

/** `[7][0][data]`: authentication data; with no data, "I completed authentication". */
export function authPacket(data: Uint8Array): Uint8Array {
  return framed([SceneCommand.SYS, SysCommand.AUTH], data);
}

/** `[3][bytes]`: `send_bytes`. */
export function rawPacket(data: Uint8Array): Uint8Array {
  return framed([SceneCommand.RAW], data);
}

/** `[1][md5 hex, 32 ASCII][0][u32 cache id][path UTF-8][0]`: SIMPLIFY_PATH (`_send_confirm_path`). */
export function simplifyPathPacket(md5: string, id: number, path: string): Uint8Array {
  const head = [SceneCommand.SIMPLIFY_PATH];
  for (let i = 0; i < 32; i++) head.push(md5.charCodeAt(i));
  head.push(0, id, id >> 8, id >> 16, id >> 24);
  return framed(head, encodeUtf8(`${path}\0`));
}

/** `[2][checksum ok][u32 cache id]`: CONFIRM_PATH, exactly 6 bytes. */
export function confirmPathPacket(checksumOk: boolean, id: number): Uint8Array {
  return framed([SceneCommand.CONFIRM_PATH, checksumOk ? 1 : 0, id, id >> 8, id >> 16, id >> 24]);
}

/** The little-endian uint32 at `offset` (4 bytes must be there). */
export function readU32(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] as number) |
      ((bytes[offset + 1] as number) << 8) |
      ((bytes[offset + 2] as number) << 16) |
      ((bytes[offset + 3] as number) << 24)) >>>
    0
  );
}

/** The little-endian int32 at `offset` (4 bytes must be there). */
export function readI32(bytes: Uint8Array, offset: number): number {
  return readU32(bytes, offset) | 0;
}

/**
 * The UTF-8 text from `offset` up to the first NUL (or `end`), as Godot's `parse_utf8`; `null` for
 * invalid UTF-8. Linear in its length.
 */
export function readCString(bytes: Uint8Array, offset: number, end = bytes.byteLength): string | null {
  let stop = offset;
  while (stop < end && bytes[stop] !== 0) stop++;
  return decodeUtf8(bytes.subarray(offset, stop), true);
}

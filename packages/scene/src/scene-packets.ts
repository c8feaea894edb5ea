import { decodeUtf8, encodeUtf8 } from '@wspeer/core';
import { SceneCommand, SYS_CMD_SIZE, SysCommand } from './scene-command.js';

/** `[7][sys command][int32 id]`: ADD_PEER / DEL_PEER from the server. */
export function sysPacket(command: number, id: number): Uint8Array {
  const packet = new Uint8Array(SYS_CMD_SIZE);
  packet[0] = SceneCommand.SYS;
  packet[1] = command;
  new DataView(packet.buffer).setInt32(2, id, true);
  return packet;
}

/** `[7][3][int32 peer][inner]`: a relay to `peer` (client to server) or from `peer` (server to client). */
export function relayPacket(peer: number, inner: Uint8Array): Uint8Array {
  const packet = new Uint8Array(SYS_CMD_SIZE + inner.byteLength);
  packet[0] = SceneCommand.SYS;
  packet[1] = SysCommand.RELAY;
  new DataView(packet.buffer).setInt32(2, peer, true);
  packet.set(inner, SYS_CMD_SIZE);
  return packet;
}

/** `[7][0][data]`: authentication data; with no data, "I completed authentication". */
export function authPacket(data: Uint8Array): Uint8Array {
  const packet = new Uint8Array(2 + data.byteLength);
  packet[0] = SceneCommand.SYS;
  packet[1] = SysCommand.AUTH;
  packet.set(data, 2);
  return packet;
}

/** `[3][bytes]`: `send_bytes`. */
export function rawPacket(data: Uint8Array): Uint8Array {
  const packet = new Uint8Array(1 + data.byteLength);
  packet[0] = SceneCommand.RAW;
  packet.set(data, 1);
  return packet;
}

/** `[1][md5 hex, 32 ASCII][0][u32 cache id][path UTF-8][0]`: SIMPLIFY_PATH (`_send_confirm_path`). */
export function simplifyPathPacket(md5: string, id: number, path: string): Uint8Array {
  const name = encodeUtf8(path);
  const packet = new Uint8Array(1 + 33 + 4 + name.byteLength + 1);
  packet[0] = SceneCommand.SIMPLIFY_PATH;
  for (let i = 0; i < 32; i++) packet[1 + i] = md5.charCodeAt(i);
  new DataView(packet.buffer).setUint32(34, id, true);
  packet.set(name, 38);
  return packet;
}

/** `[2][checksum ok][u32 cache id]`: CONFIRM_PATH, exactly 6 bytes. */
export function confirmPathPacket(checksumOk: boolean, id: number): Uint8Array {
  const packet = new Uint8Array(6);
  packet[0] = SceneCommand.CONFIRM_PATH;
  packet[1] = checksumOk ? 1 : 0;
  new DataView(packet.buffer).setUint32(2, id, true);
  return packet;
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

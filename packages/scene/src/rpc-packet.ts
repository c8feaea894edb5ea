import { msg } from '@wspeer/core';
import { ByteWriter, type VariantCodec } from '@wspeer/variant';
import { writeCompressed } from './compressed-variant.js';
import { SceneCommand } from './scene-command.js';
import { readU32 } from './scene-packets.js';

/** Bit 31 of a call's node field: the low bits are the byte offset of the node path appended to the packet. */
export const INLINE_PATH_FLAG = 0x80000000;
const NODE_ID_SHIFT = 4;
const NAME_ID_SHIFT = 6;
const BYTE_ONLY_OR_NO_ARGS = 0x80;

/** The fixed part of a received REMOTE_CALL. */
export interface RpcHeader {
  /** The node field: a cache id of the sender's, or `INLINE_PATH_FLAG | path offset`. */
  readonly nodeTarget: number;
  /** The method id. */
  readonly methodId: number;
  /** Where the arguments (or their count) start. */
  readonly argsAt: number;
  /** Where the arguments end (the inline path, if any, follows). */
  readonly argsEnd: number;
  /** The "byte only or no args" flag: no count; the rest is one PackedByteArray, or nothing. */
  readonly byteOnly: boolean;
}

/**
 * Parses a REMOTE_CALL's meta byte, node field and method id (`SceneRPCInterface::process_rpc`):
 * bits 4-5 the node field width (1, 2 or 4 bytes), bit 6 the method id width (1 or 2), bit 7 "byte
 * only or no args". Returns the reason when the packet is malformed.
 */
export function readRpcHeader(packet: Uint8Array): RpcHeader | string {
  const meta = packet[0] as number;
  const nodeCode = (meta >>> NODE_ID_SHIFT) & 3;
  if (nodeCode === 3) return msg`Bad node id compression mode.`;
  const nodeSize = 1 << nodeCode;
  const nameSize = 1 << ((meta >>> NAME_ID_SHIFT) & 1);
  const argsAt = 1 + nodeSize + nameSize;
  if (packet.byteLength < argsAt) return msg`Packet too small.`;
  const nodeTarget = nodeSize === 1 ? (packet[1] as number) : nodeSize === 2 ? readU16(packet, 1) : readU32(packet, 1);
  const methodId = nameSize === 1 ? (packet[1 + nodeSize] as number) : readU16(packet, 1 + nodeSize);
  let argsEnd = packet.byteLength;
  if (nodeTarget & INLINE_PATH_FLAG) {
    argsEnd = nodeTarget & 0x7fffffff;
    if (argsEnd >= packet.byteLength || argsEnd < argsAt) return msg`Packet smaller than declared.`;
  }
  return { nodeTarget, methodId, argsAt, argsEnd, byteOnly: (meta & BYTE_ONLY_OR_NO_ARGS) !== 0 };
}

function readU16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8);
}

/**
 * Encodes a REMOTE_CALL as Godot 4's `_send_rpc`: the node field in the smallest width that holds
 * `nodeId` when `compact` (every target confirmed the path), else in 4 bytes; the method id in 1 or 2
 * bytes; then the argument count (unless the raw form applies) and the arguments compressed with `codec`.
 * @throws VariantError for arguments with no form in `codec`.
 */
export function encodeRpc(
  nodeId: number,
  compact: boolean,
  methodId: number,
  args: readonly unknown[],
  codec: VariantCodec,
): Uint8Array {
  const w = new ByteWriter(16 + args.length * 8);
  w.u8(0);
  let nodeCode = 2;
  if (compact && nodeId <= 0xff) {
    nodeCode = 0;
    w.u8(nodeId);
  } else if (compact && nodeId <= 0xffff) {
    nodeCode = 1;
    w.u8(nodeId & 0xff);
    w.u8(nodeId >>> 8);
  } else {
    w.u32(nodeId);
  }
  const nameCode = methodId <= 0xff ? 0 : 1;
  w.u8(methodId & 0xff);
  if (nameCode === 1) w.u8(methodId >>> 8);
  const only = args[0];
  const raw = args.length === 0 || (args.length === 1 && only instanceof Uint8Array);
  // As writeCompressedArgs, with the count first when not raw.
  if (raw) {
    if (only !== undefined) w.bytes(only as Uint8Array);
  } else {
    w.u8(args.length);
    for (const arg of args) writeCompressed(w, arg, codec);
  }
  const packet = w.finish();
  packet[0] =
    SceneCommand.REMOTE_CALL |
    (nodeCode << NODE_ID_SHIFT) |
    (nameCode << NAME_ID_SHIFT) |
    (raw ? BYTE_ONLY_OR_NO_ARGS : 0);
  return packet;
}

/** A copy of a 4-byte-node-field call naming its node by `path` appended (`0x80000000 | offset`). */
export function withInlinePath(packet: Uint8Array, path: Uint8Array): Uint8Array {
  const full = new Uint8Array(packet.byteLength + path.byteLength + 1);
  full.set(packet);
  full.set(path, packet.byteLength);
  new DataView(full.buffer).setUint32(1, (INLINE_PATH_FLAG | packet.byteLength) >>> 0, true);
  return full;
}

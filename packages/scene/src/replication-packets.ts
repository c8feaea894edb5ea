import { encodeUtf8 } from '@wspeer/core';
import type { ByteWriter } from '@wspeer/variant';
import { SceneCommand } from './scene-command.js';

/** Bit 4 of a SYNC's first byte (`CMD_FLAG_0_SHIFT`): a delta SYNC. */
export const SYNC_DELTA_FLAG = 1 << 4;
/** Bit 31 of a synchronizer id in SYNC: the low bits are the sender's path-cache id of the synchronizer. */
export const PATH_SYNC_ID = 0x80000000;
/** A SPAWN's fixed part: command, scene id, spawner id, net id, synchronizer count, name length. */
export const SPAWN_HEADER_SIZE = 18;
/** The smallest SYNC Godot accepts (`on_sync_receive`). */
export const SYNC_MIN_SIZE = 11;
/** A SYNC's header: command and u16 time. */
export const SYNC_HEADER_SIZE = 3;
/** A SYNC entry's header: net id and size. */
export const SYNC_ENTRY_HEADER = 8;
/** A delta entry's header: net id, u64 bitmask, size. */
export const DELTA_ENTRY_HEADER = 16;
/** md5 of "": the RPC checksum of a spawner or synchronizer node (no `@rpc` methods). */
export const NO_RPC_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
/** Godot's default `max_sync_packet_size`. */
export const DEFAULT_SYNC_MTU = 1350;
/** Godot's default `max_delta_packet_size`. */
export const DEFAULT_DELTA_MTU = 65535;

/**
 * Writes a SPAWN up to the name (`_make_spawn_packet`): `[4][u8 scene][u32 spawner cache id][u32 net
 * id][u32 synchronizer count][u32 name length with NUL][u32 synchronizer ids...][name][0]`. The caller
 * appends the custom argument (size and value) and the spawn state.
 */
export function writeSpawnHead(
  w: ByteWriter,
  sceneId: number,
  spawnerId: number,
  netId: number,
  syncIds: readonly number[],
  name: string,
): void {
  const nameBytes = encodeUtf8(name);
  w.u8(SceneCommand.SPAWN);
  w.u8(sceneId);
  w.u32(spawnerId);
  w.u32(netId);
  w.u32(syncIds.length);
  w.u32(nameBytes.byteLength + 1);
  for (const id of syncIds) w.u32(id);
  w.bytes(nameBytes);
  w.u8(0);
}

/** `[5][u32 net id]`: DESPAWN. */
export function despawnPacket(netId: number): Uint8Array {
  const packet = new Uint8Array(5);
  packet[0] = SceneCommand.DESPAWN;
  new DataView(packet.buffer).setUint32(1, netId, true);
  return packet;
}

/** Whether `name` is a node name Godot accepts in a SPAWN (non-empty, none of `. : @ / " %`). */
export function isValidNodeName(name: string): boolean {
  return name !== '' && !/[.:@/"%]/.test(name);
}

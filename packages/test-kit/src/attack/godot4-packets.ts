/**
 * Godot 4 SceneMultiplayer packets as an attacker builds them (see `@wspeer/scene`: the 4.6 layouts
 * of `scene_multiplayer.cpp`, `scene_rpc_interface.cpp` and `scene_cache_interface.cpp`). On the
 * `godot4` wire they travel bare: the server's first message is the 4-byte id, then packets.
 */

const encoder = new TextEncoder();

/** `[7][0][data]`: authentication data; empty data says "I completed". */
export function sceneAuth(data: Uint8Array = new Uint8Array(0)): Buffer {
  const packet = Buffer.alloc(2 + data.byteLength);
  packet[0] = 7;
  packet.set(data, 2);
  return packet;
}

/** `[7][command][int32 id]`: a system packet (1 ADD_PEER, 2 DEL_PEER, 3 RELAY without payload). */
export function sceneSys(command: number, id: number): Buffer {
  const packet = Buffer.alloc(6);
  packet[0] = 7;
  packet[1] = command;
  packet.writeInt32LE(id, 2);
  return packet;
}

/** `[7][3][int32 target][inner]`: a relay through the server to `target` (0 all, -N all but N). */
export function sceneRelay(target: number, inner: Uint8Array): Buffer {
  const packet = Buffer.alloc(6 + inner.byteLength);
  packet[0] = 7;
  packet[1] = 3;
  packet.writeInt32LE(target, 2);
  packet.set(inner, 6);
  return packet;
}

/** `[3][data]`: `send_bytes`. */
export function sceneRaw(data: Uint8Array): Buffer {
  const packet = Buffer.alloc(1 + data.byteLength);
  packet[0] = 3;
  packet.set(data, 1);
  return packet;
}

/**
 * REMOTE_CALL naming its node inline: `[meta][0x80000000 | path offset][method id u16][argc][args][path\0]`
 * (meta: 4-byte node field, 2-byte method id; with `argc` null the "byte only or no args" flag is
 * set and `args` is the raw PackedByteArray).
 */
export function sceneCall(path: string | Uint8Array, methodId: number, args: Uint8Array, argc: number | null): Buffer {
  const target = typeof path === 'string' ? encoder.encode(path) : path;
  const head = 1 + 4 + 2 + (argc === null ? 0 : 1);
  const offset = head + args.byteLength;
  const packet = Buffer.alloc(offset + target.byteLength + 1);
  packet[0] = 0 | (2 << 4) | (1 << 6) | (argc === null ? 0x80 : 0);
  packet.writeUInt32LE((0x80000000 | offset) >>> 0, 1);
  packet.writeUInt16LE(methodId, 5);
  if (argc !== null) packet[7] = argc;
  packet.set(args, head);
  packet.set(target, offset);
  return packet;
}

/** REMOTE_CALL naming its node by the sender's cache id `cacheId` (4-byte node field, 2-byte method id). */
export function sceneCallById(cacheId: number, methodId: number, args: Uint8Array, argc: number): Buffer {
  const packet = Buffer.alloc(8 + args.byteLength);
  packet[0] = 0 | (2 << 4) | (1 << 6);
  packet.writeUInt32LE(cacheId >>> 0, 1);
  packet.writeUInt16LE(methodId, 5);
  packet[7] = argc;
  packet.set(args, 8);
  return packet;
}

/** SIMPLIFY_PATH: `[1][md5 hex, 32 ASCII][0][u32 cache id][path][0]`. */
export function simplifyPath4(id: number, path: string, md5 = '0'.repeat(32)): Buffer {
  const text = encoder.encode(path);
  const packet = Buffer.alloc(38 + text.byteLength + 1);
  packet[0] = 1;
  packet.write(md5.slice(0, 32).padEnd(32, '0'), 1, 'latin1');
  packet.writeUInt32LE(id >>> 0, 34);
  packet.set(text, 38);
  return packet;
}

/** Godot 4 Variant encodings (`core/io/marshalls.cpp`), honest and hostile, for RPC arguments. */
export const variant4 = {
  /** INT (32-bit form). */
  int(n: number): Buffer {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(2, 0);
    b.writeInt32LE(n, 4);
    return b;
  },
  /** `depth` ARRAYs, each holding the next, the innermost holding one NIL. */
  nestedArrays(depth: number): Buffer {
    const b = Buffer.alloc(depth * 8 + 4);
    for (let i = 0; i < depth; i++) {
      b.writeUInt32LE(28, i * 8);
      b.writeUInt32LE(1, i * 8 + 4);
    }
    return b;
  },
  /** `depth` DICTIONARYs, each mapping NIL to the next, the innermost NIL to NIL. */
  nestedDictionaries(depth: number): Buffer {
    const b = Buffer.alloc(depth * 12 + 8);
    for (let i = 0; i < depth; i++) {
      b.writeUInt32LE(27, i * 12);
      b.writeUInt32LE(1, i * 12 + 4);
      b.writeUInt32LE(0, i * 12 + 8);
    }
    return b;
  },
  /** A container or string header of `type` declaring `count` items, followed by `filler` bytes. */
  declared(type: number, count: number, filler = 16): Buffer {
    const b = Buffer.alloc(8 + filler);
    b.writeUInt32LE(type, 0);
    b.writeUInt32LE(count >>> 0, 4);
    return b;
  },
  /** A packed array of `itemSize`-byte items declaring one more item than the `items` that follow. */
  lyingPacked(type: number, itemSize: number, items: number): Buffer {
    const b = Buffer.alloc(8 + items * itemSize);
    b.writeUInt32LE(type, 0);
    b.writeUInt32LE(items + 1, 4);
    return b;
  },
  /** A valid ARRAY of `count` empty ARRAYs (the most objects per byte a container allows). */
  arrayOfEmptyArrays(count: number): Buffer {
    const b = Buffer.alloc(8 + count * 8);
    b.writeUInt32LE(28, 0);
    b.writeUInt32LE(count, 4);
    for (let i = 0; i < count; i++) b.writeUInt32LE(28, 8 + i * 8);
    return b;
  },
  /** A valid PACKED_VECTOR2_ARRAY of `count` zero vectors (one object per 8 bytes). */
  vector2s(count: number): Buffer {
    const b = Buffer.alloc(8 + count * 8);
    b.writeUInt32LE(35, 0);
    b.writeUInt32LE(count, 4);
    return b;
  },
  /** A valid DICTIONARY of `count` distinct INT keys to NIL. */
  intKeys(count: number): Buffer {
    const b = Buffer.alloc(8 + count * 12);
    b.writeUInt32LE(27, 0);
    b.writeUInt32LE(count, 4);
    for (let i = 0; i < count; i++) {
      b.writeUInt32LE(2, 8 + i * 12);
      b.writeInt32LE(i, 12 + i * 12);
    }
    return b;
  },
};

/** A compressed RPC int argument (`encode_and_compress_variant`): meta `INT | 2 << 6`, then the int32. */
export function compressedInt(n: number): Buffer {
  const b = Buffer.alloc(5);
  b[0] = 2 | (2 << 6);
  b.writeInt32LE(n, 1);
  return b;
}

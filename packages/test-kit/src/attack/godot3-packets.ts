/** Godot 3.2 multiplayer and RPC packets as an attacker builds them (see `@wspeer/multiplayer` and `@wspeer/rpc`). */

const encoder = new TextEncoder();

/** A data message on the Godot 3 wire: `[0][from i32][to i32][payload]`. */
export function godot3Data(from: number, to: number, payload: Uint8Array, type = 0): Buffer {
  const message = Buffer.alloc(9 + payload.byteLength);
  message[0] = type;
  message.writeInt32LE(from, 1);
  message.writeInt32LE(to, 5);
  message.set(payload, 9);
  return message;
}

/** The id in a SYS_ID message, or null. */
export function godot3Id(message: Buffer): number | null {
  return message[0] === 3 && message.length >= 13 ? message.readInt32LE(9) : null;
}

/** Godot 3 `var2bytes(String)`. */
export function variantString(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  const out = Buffer.alloc(8 + ((bytes.byteLength + 3) & ~3));
  out.writeUInt32LE(4, 0);
  out.writeUInt32LE(bytes.byteLength, 4);
  out.set(bytes, 8);
  return out;
}

/** REMOTE_CALL naming its node by full path: `[0][flag|offset][method\0][argc][args][path\0]`. */
export function remoteCall(path: string, method: string, args: Uint8Array[] = []): Uint8Array {
  const name = encoder.encode(method);
  const target = encoder.encode(path);
  const argBytes = args.reduce((n, a) => n + a.byteLength, 0);
  const offset = 5 + name.byteLength + 1 + 1 + argBytes;
  const packet = Buffer.alloc(offset + target.byteLength + 1);
  packet[0] = 0;
  packet.writeUInt32LE((0x80000000 | offset) >>> 0, 1);
  packet.set(name, 5);
  packet[5 + name.byteLength + 1] = args.length;
  let at = 5 + name.byteLength + 2;
  for (const arg of args) {
    packet.set(arg, at);
    at += arg.byteLength;
  }
  packet.set(target, offset);
  return packet;
}

/** SIMPLIFY_PATH: `[2][cache id][path\0]`. */
export function simplifyPath(id: number, path: string): Uint8Array {
  const text = encoder.encode(path);
  const packet = Buffer.alloc(6 + text.byteLength);
  packet[0] = 2;
  packet.writeUInt32LE(id, 1);
  packet.set(text, 5);
  return packet;
}

/** Godot 3.2's multiplayer header: type (u8), from (i32 LE), to (i32 LE). */
export const GODOT3_HEADER_SIZE = 9;

/** Message types of the Godot 3.2 multiplayer wire. */
export const Godot3Type = { DATA: 0, ADD: 1, DEL: 2, ID: 3 } as const;

/** Builds one Godot 3.2 multiplayer message: the 9-byte header, then `payload`. */
export function godot3Message(type: number, from: number, to: number, payload: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(GODOT3_HEADER_SIZE + payload.byteLength);
  message[0] = type;
  message.writeInt32LE(from, 1);
  message.writeInt32LE(to, 5);
  message.set(payload, GODOT3_HEADER_SIZE);
  return message;
}

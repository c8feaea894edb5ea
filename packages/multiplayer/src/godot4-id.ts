import { readInt32 } from './read-int32.js';

/** Godot 4's id message: exactly 4 bytes, the int32 little-endian id. */
export function idMessage(id: number): Uint8Array {
  const message = new Uint8Array(4);
  new DataView(message.buffer).setInt32(0, id, true);
  return message;
}

/** Reads a Godot 4 id message; `null` unless it is exactly 4 bytes holding an id >= 2. */
export function readIdMessage(message: Uint8Array): number | null {
  const id = message.byteLength === 4 ? readInt32(message, 0) : 0;
  return id >= 2 ? id : null;
}

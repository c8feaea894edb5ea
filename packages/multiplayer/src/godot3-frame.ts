import { readInt32 } from './read-int32.js';

/** Size of Godot 3.2's multiplayer header: type (u8), from (i32 LE), to (i32 LE). */
export const HEADER_SIZE = 9;

/**
 * Godot 3.2's multiplayer message types (`websocket_multiplayer_peer.h`). A module namespace
 * (frozen, `SysType.ADD` reads like an object member): bundlers replace each use by its number.
 */
export * as SysType from './constants/sys-type-values.js';

/** A parsed header. */
export interface Godot3Header {
  /** One of {@link SysType}. */
  type: number;
  /** Sender id (1 = server). */
  from: number;
  /** Target: 0 broadcast, 1 server, N one peer, -N everyone but N. */
  to: number;
}

/** Builds one framed message: header + a copy of `payload` in a single allocation. */
export function frame(type: number, from: number, to: number, payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(HEADER_SIZE + payload.byteLength);
  const view = new DataView(message.buffer);
  message[0] = type;
  view.setInt32(1, from, true);
  view.setInt32(5, to, true);
  message.set(payload, HEADER_SIZE);
  return message;
}

/** A system message from the server (`from` 1, `to` 0) carrying peer `id`. */
export function sysMessage(type: number, id: number): Uint8Array {
  const message = new Uint8Array(HEADER_SIZE + 4);
  const view = new DataView(message.buffer);
  message[0] = type;
  view.setInt32(1, 1, true);
  view.setInt32(5, 0, true);
  view.setInt32(9, id, true);
  return message;
}

/** Reads the header of `message`, or `null` when it is shorter than 9 bytes. */
export function readHeader(message: Uint8Array): Godot3Header | null {
  if (message.byteLength < HEADER_SIZE) return null;
  return { type: message[0] as number, from: readInt32(message, 1), to: readInt32(message, 5) };
}

/** Reads the int32 id after the header of a system message, or `null` when too short. */
export function readSysId(message: Uint8Array): number | null {
  return message.byteLength < HEADER_SIZE + 4 ? null : readInt32(message, HEADER_SIZE);
}

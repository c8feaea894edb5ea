import { godot3RoomDecoder } from './godot3-room-decoder.js';
import { godot4RoomDecoder } from './godot4-room-decoder.js';

/** The wire formats of Godot rooms the CLI can join or serve. */
export type RoomWire = 'godot3' | 'godot4';

/**
 * Turns the packets a Godot multiplayer room carries into lines for a person: who called which
 * method on which node with which arguments, property sets, path announcements. One decoder per
 * room (it keeps what senders taught it, such as path caches), used by `wspeer connect --godot3`
 * and `wspeer serve godot3`. A Godot 4 decoder (SceneMultiplayer: node paths, method ids, checksums;
 * method names need a names file) plugs in here once the scene layer exists.
 */
export interface RoomDecoder {
  /** The lines describing one packet that peer `from` sent (never throws; malformed input is described). */
  decode(from: number, packet: Uint8Array): string[];
  /** Peer `id` left: forget what it taught (its path cache). */
  forget(id: number): void;
}

/** The decoder of a room's wire; Godot 4's uses `names` (node path -> its \`@rpc\` method names). */
export function roomDecoder(wire: RoomWire, names?: ReadonlyMap<string, readonly string[]>): RoomDecoder {
  return wire === 'godot3' ? godot3RoomDecoder() : godot4RoomDecoder(names);
}

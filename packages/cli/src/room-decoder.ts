import { godot3RoomDecoder } from './godot3-room-decoder.js';

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

/** The decoder of a room's wire, or why there is none yet. */
export function roomDecoder(wire: RoomWire): RoomDecoder | string {
  if (wire === 'godot3') return godot3RoomDecoder();
  return (
    'Godot 4 rooms need the SceneMultiplayer decoder (node paths, method ids and checksums), which comes ' +
    'with wspeer\'s scene layer; until then use --godot3, or "wspeer connect URL" to see raw frames.'
  );
}

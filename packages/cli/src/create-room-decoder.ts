import { godot3RoomDecoder } from './godot3-room-decoder.js';
import { godot4RoomDecoder } from './godot4-room-decoder.js';
import type { RoomDecoder, RoomWire } from './room-decoder.js';

/** The decoder of a room's wire; Godot 4's uses `names` (node path -> its `@rpc` method names). */
export function createRoomDecoder(wire: RoomWire, names?: ReadonlyMap<string, readonly string[]>): RoomDecoder {
  return wire === 'godot3' ? godot3RoomDecoder() : godot4RoomDecoder(names);
}

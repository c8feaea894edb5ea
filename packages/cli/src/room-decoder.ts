/** The wire formats of Godot rooms the CLI can join or serve. */
export type RoomWire = 'godot3' | 'godot4';

/**
 * Turns the packets a Godot multiplayer room carries into lines for a person: who called which
 * method on which node with which arguments, property sets, path announcements. One decoder per
 * room (it keeps what senders taught it, such as path caches), used by `wspeer connect --godot3|--godot4`
 * and `wspeer serve godot3|godot4`. Godot 4's (SceneMultiplayer: node paths, method ids, checksums)
 * prints method names only where a names file gives them.
 */
export interface RoomDecoder {
  /** The lines describing one packet that peer `from` sent (never throws; malformed input is described). */
  decode(from: number, packet: Uint8Array): string[];
  /** Peer `id` left: forget what it taught (its path cache). */
  forget(id: number): void;
}

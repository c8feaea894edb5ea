/** Zero bytes needed after `length` bytes to reach a multiple of 4 (Godot pads strings and byte arrays). */
export function pad4(length: number): number {
  return -length & 3;
}

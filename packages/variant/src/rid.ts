/**
 * Godot's `RID`: _RID (type 16). Resource ids are meaningless across processes, so Godot 3.2 sends
 * only the header and the receiver always gets an empty RID.
 */
export class RID {
  /** `RID()`. */
  toString(): string {
    return 'RID()';
  }
}

/**
 * Godot's `RID`: a resource id, meaningless across processes. Godot 3.2 (_RID, type 16) sends only the
 * header, so the receiver always gets an empty RID and {@link RID.id} is not sent. Godot 4 (RID,
 * type 23) sends the id as a uint64.
 */
export class RID {
  /** The id (Godot 4's `get_id()`), a uint64; `0n` is the empty RID. */
  declare readonly id: bigint;

  /** An RID with `id` (default `0n`, the empty RID). */
  constructor(id = 0n) {
    this.id = id;
  }

  /** `RID()` for the empty RID, else `RID(id)`. */
  toString(): string {
    return this.id === 0n ? 'RID()' : `RID(${this.id})`;
  }
}

/**
 * Godot's `EncodedObjectAsID`: an OBJECT sent in its id form (header flag `ENCODE_FLAG_OBJECT_AS_ID`,
 * then the instance id as a uint64), which is what Godot 4 sends for an object unless object decoding
 * is allowed. wspeer never decodes full objects (they would instantiate classes on the receiver); it
 * refuses them.
 */
export class EncodedObjectAsID {
  /** The object's instance id in the sending process (`0` for a null object), a uint64. */
  declare readonly objectId: bigint;

  /** An object id (default `0n`). */
  constructor(objectId = 0n) {
    this.objectId = objectId;
  }

  /** `EncodedObjectAsID(id)`. */
  toString(): string {
    return `EncodedObjectAsID(${this.objectId})`;
  }
}

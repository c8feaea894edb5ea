/**
 * Godot 4's `Signal`: SIGNAL (type 26), the signal name (a string) then the emitter's object id
 * (uint64). The id only means something inside the sending process.
 */
export class Signal {
  /** The emitting object's instance id (`Object.get_instance_id()`), a uint64. */
  declare readonly objectId: bigint;
  /** The signal's name. */
  declare readonly name: string;

  /** A signal by emitter id and name, in the order of Godot's `Signal(object, signal)` (defaults: `0n`, `""`). */
  constructor(objectId = 0n, name = '') {
    this.objectId = objectId;
    this.name = name;
  }

  /** `Signal(name, objectId)`. */
  toString(): string {
    return `Signal(${this.name}, ${this.objectId})`;
  }
}

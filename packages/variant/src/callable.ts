/**
 * Godot 4's `Callable`: CALLABLE (type 25). Godot sends the header only and the receiver always
 * gets an empty Callable, so this class has no members.
 */
export class Callable {
  /** `Callable()`. */
  toString(): string {
    return 'Callable()';
  }
}

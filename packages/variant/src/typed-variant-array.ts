import type { ContainerType } from './container-type.js';

/**
 * A Godot 4 typed Array (`Array[int]`, `Array[Vector2]`, ...): a JS array that also carries its
 * element type, so it decodes and re-encodes with the same typed-array header. It is an `Array`
 * (indexing, `length`, iteration work as usual); methods that make new arrays (`map`, `filter`,
 * `slice`, ...) make plain ones. Godot 3 has no typed arrays: its codec sends it as a plain ARRAY.
 */
export class TypedVariantArray<T = unknown> extends Array<T> {
  /** The element type; `null` sends the array untyped. */
  declare readonly elementType: ContainerType | null;

  /** Arrays derived from this one (`map`, `filter`, ...) are plain arrays. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** A typed array of `elementType` holding `items` (copied in). */
  constructor(elementType: ContainerType | null, items: Iterable<T> = []) {
    super();
    this.elementType = elementType;
    for (const item of items) this.push(item);
  }
}

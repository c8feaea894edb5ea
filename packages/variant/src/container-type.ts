/**
 * Godot 4's `ContainerTypeKind` (`core/io/marshalls.cpp`): how the element type of a typed Array
 * (header bits 16-17) or the key and value types of a typed Dictionary (bits 16-17 and 18-19) follow
 * the header. NONE: untyped; BUILTIN: a uint32 Variant type id; CLASS_NAME: a class name string;
 * SCRIPT: a script path string.
 */
export const ContainerTypeKind = {
  /** `0`: untyped. */
  NONE: 0,
  /** `1`: a built-in Variant type id follows. */
  BUILTIN: 1,
  /** `2`: a class name follows. */
  CLASS_NAME: 2,
  /** `3`: a script path follows. */
  SCRIPT: 3,
} as const;

/** One of the numbers in {@link ContainerTypeKind}. */
export type ContainerTypeKind = (typeof ContainerTypeKind)[keyof typeof ContainerTypeKind];

/**
 * The element type of a Godot 4 typed Array (`Array[int]`), or a key or value type of a typed
 * Dictionary, as sent on the wire: a built-in Variant type (`VariantType4`), a class name, or a
 * script path. Godot sends objects' types as the class name `"EncodedObjectAsID"` unless full
 * objects are allowed.
 */
export type ContainerType =
  | {
      /** A built-in type. */
      readonly kind: typeof ContainerTypeKind.BUILTIN;
      /** Its Variant type id (`VariantType4`). */
      readonly type: number;
    }
  | {
      /** A class. */
      readonly kind: typeof ContainerTypeKind.CLASS_NAME;
      /** The class name, e.g. `"Node"`. */
      readonly className: string;
    }
  | {
      /** A script. */
      readonly kind: typeof ContainerTypeKind.SCRIPT;
      /** The script's path, e.g. `"res://player.gd"`. */
      readonly script: string;
    };

/**
 * Godot 4's `ContainerTypeKind` (`core/io/marshalls.cpp`): how the element type of a typed Array
 * (header bits 16-17) or the key and value types of a typed Dictionary (bits 16-17 and 18-19) follow
 * the header. NONE: untyped; BUILTIN: a uint32 Variant type id; CLASS_NAME: a class name string;
 * SCRIPT: a script path string.
 */
export const ContainerTypeKind = {
  NONE: 0,
  BUILTIN: 1,
  CLASS_NAME: 2,
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
  | { readonly kind: typeof ContainerTypeKind.BUILTIN; readonly type: number }
  | { readonly kind: typeof ContainerTypeKind.CLASS_NAME; readonly className: string }
  | { readonly kind: typeof ContainerTypeKind.SCRIPT; readonly script: string };

/**
 * Godot 3.2's `Variant::Type` ids (`core/variant.h`), as written in the low byte of every encoded
 * Variant's header.
 */
export const VariantType = {
  NIL: 0,
  BOOL: 1,
  INT: 2,
  REAL: 3,
  STRING: 4,
  VECTOR2: 5,
  RECT2: 6,
  VECTOR3: 7,
  TRANSFORM2D: 8,
  PLANE: 9,
  QUAT: 10,
  AABB: 11,
  BASIS: 12,
  TRANSFORM: 13,
  COLOR: 14,
  NODE_PATH: 15,
  _RID: 16,
  OBJECT: 17,
  DICTIONARY: 18,
  ARRAY: 19,
  POOL_BYTE_ARRAY: 20,
  POOL_INT_ARRAY: 21,
  POOL_REAL_ARRAY: 22,
  POOL_STRING_ARRAY: 23,
  POOL_VECTOR2_ARRAY: 24,
  POOL_VECTOR3_ARRAY: 25,
  POOL_COLOR_ARRAY: 26,
} as const;

/** One of the numbers in {@link VariantType}. */
export type VariantType = (typeof VariantType)[keyof typeof VariantType];

/** Header bit 16 (`ENCODE_FLAG_64`): the INT body is an int64, the REAL body a float64. */
export const ENCODE_FLAG_64 = 0x10000;

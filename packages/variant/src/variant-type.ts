import * as T from './variant-type-values.js';

/**
 * Godot 3.2's `Variant::Type` ids (`core/variant.h`), as written in the low byte of every encoded
 * Variant's header. The numbers come from `variant-type-values.ts`, which the codec imports
 * directly, so this object only reaches bundles that use it.
 */
export const VariantType = {
  NIL: T.NIL,
  BOOL: T.BOOL,
  INT: T.INT,
  REAL: T.REAL,
  STRING: T.STRING,
  VECTOR2: T.VECTOR2,
  RECT2: T.RECT2,
  VECTOR3: T.VECTOR3,
  TRANSFORM2D: T.TRANSFORM2D,
  PLANE: T.PLANE,
  QUAT: T.QUAT,
  AABB: T.AABB,
  BASIS: T.BASIS,
  TRANSFORM: T.TRANSFORM,
  COLOR: T.COLOR,
  NODE_PATH: T.NODE_PATH,
  _RID: T._RID,
  OBJECT: T.OBJECT,
  DICTIONARY: T.DICTIONARY,
  ARRAY: T.ARRAY,
  POOL_BYTE_ARRAY: T.POOL_BYTE_ARRAY,
  POOL_INT_ARRAY: T.POOL_INT_ARRAY,
  POOL_REAL_ARRAY: T.POOL_REAL_ARRAY,
  POOL_STRING_ARRAY: T.POOL_STRING_ARRAY,
  POOL_VECTOR2_ARRAY: T.POOL_VECTOR2_ARRAY,
  POOL_VECTOR3_ARRAY: T.POOL_VECTOR3_ARRAY,
  POOL_COLOR_ARRAY: T.POOL_COLOR_ARRAY,
} as const;

/** One of the numbers in {@link VariantType}. */
export type VariantType = (typeof VariantType)[keyof typeof VariantType];

export { ENCODE_FLAG_64 } from './variant-type-values.js';

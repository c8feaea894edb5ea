import * as T from './variant-type-values.js';

/**
 * Godot 3.2's `Variant::Type` ids (`core/variant.h`), as written in the low byte of every encoded
 * Variant's header. The numbers come from `variant-type-values.ts`, which the codec imports
 * directly, so this object only reaches bundles that use it.
 */
export const VariantType = {
  /** `Variant::NIL`. */
  NIL: T.NIL,
  /** `Variant::BOOL`. */
  BOOL: T.BOOL,
  /** `Variant::INT`. */
  INT: T.INT,
  /** `Variant::REAL`. */
  REAL: T.REAL,
  /** `Variant::STRING`. */
  STRING: T.STRING,
  /** `Variant::VECTOR2`. */
  VECTOR2: T.VECTOR2,
  /** `Variant::RECT2`. */
  RECT2: T.RECT2,
  /** `Variant::VECTOR3`. */
  VECTOR3: T.VECTOR3,
  /** `Variant::TRANSFORM2D`. */
  TRANSFORM2D: T.TRANSFORM2D,
  /** `Variant::PLANE`. */
  PLANE: T.PLANE,
  /** `Variant::QUAT`. */
  QUAT: T.QUAT,
  /** `Variant::AABB`. */
  AABB: T.AABB,
  /** `Variant::BASIS`. */
  BASIS: T.BASIS,
  /** `Variant::TRANSFORM`. */
  TRANSFORM: T.TRANSFORM,
  /** `Variant::COLOR`. */
  COLOR: T.COLOR,
  /** `Variant::NODE_PATH`. */
  NODE_PATH: T.NODE_PATH,
  /** `Variant::RID`. */
  _RID: T._RID,
  /** `Variant::OBJECT`. */
  OBJECT: T.OBJECT,
  /** `Variant::DICTIONARY`. */
  DICTIONARY: T.DICTIONARY,
  /** `Variant::ARRAY`. */
  ARRAY: T.ARRAY,
  /** `Variant::POOL_BYTE_ARRAY`. */
  POOL_BYTE_ARRAY: T.POOL_BYTE_ARRAY,
  /** `Variant::POOL_INT_ARRAY`. */
  POOL_INT_ARRAY: T.POOL_INT_ARRAY,
  /** `Variant::POOL_REAL_ARRAY`. */
  POOL_REAL_ARRAY: T.POOL_REAL_ARRAY,
  /** `Variant::POOL_STRING_ARRAY`. */
  POOL_STRING_ARRAY: T.POOL_STRING_ARRAY,
  /** `Variant::POOL_VECTOR2_ARRAY`. */
  POOL_VECTOR2_ARRAY: T.POOL_VECTOR2_ARRAY,
  /** `Variant::POOL_VECTOR3_ARRAY`. */
  POOL_VECTOR3_ARRAY: T.POOL_VECTOR3_ARRAY,
  /** `Variant::POOL_COLOR_ARRAY`. */
  POOL_COLOR_ARRAY: T.POOL_COLOR_ARRAY,
} as const;

/** One of the numbers in {@link VariantType}. */
export type VariantType = (typeof VariantType)[keyof typeof VariantType];

export { ENCODE_FLAG_64 } from './variant-type-values.js';

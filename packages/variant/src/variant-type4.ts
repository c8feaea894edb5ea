import * as T from './variant-type4-values.js';

/**
 * Godot 4's `Variant::Type` ids (`core/variant/variant.h`, 4.6), as written in the low byte of every
 * encoded Variant's header. Renumbered from Godot 3's {@link VariantType}: only NIL..STRING keep their
 * ids. The numbers come from `variant-type4-values.ts`, which the codec imports directly.
 */
export const VariantType4 = {
  /** `Variant::NIL`. */
  NIL: T.NIL,
  /** `Variant::BOOL`. */
  BOOL: T.BOOL,
  /** `Variant::INT`. */
  INT: T.INT,
  /** `Variant::FLOAT`. */
  FLOAT: T.FLOAT,
  /** `Variant::STRING`. */
  STRING: T.STRING,
  /** `Variant::VECTOR2`. */
  VECTOR2: T.VECTOR2,
  /** `Variant::VECTOR2I`. */
  VECTOR2I: T.VECTOR2I,
  /** `Variant::RECT2`. */
  RECT2: T.RECT2,
  /** `Variant::RECT2I`. */
  RECT2I: T.RECT2I,
  /** `Variant::VECTOR3`. */
  VECTOR3: T.VECTOR3,
  /** `Variant::VECTOR3I`. */
  VECTOR3I: T.VECTOR3I,
  /** `Variant::TRANSFORM2D`. */
  TRANSFORM2D: T.TRANSFORM2D,
  /** `Variant::VECTOR4`. */
  VECTOR4: T.VECTOR4,
  /** `Variant::VECTOR4I`. */
  VECTOR4I: T.VECTOR4I,
  /** `Variant::PLANE`. */
  PLANE: T.PLANE,
  /** `Variant::QUATERNION`. */
  QUATERNION: T.QUATERNION,
  /** `Variant::AABB`. */
  AABB: T.AABB,
  /** `Variant::BASIS`. */
  BASIS: T.BASIS,
  /** `Variant::TRANSFORM3D`. */
  TRANSFORM3D: T.TRANSFORM3D,
  /** `Variant::PROJECTION`. */
  PROJECTION: T.PROJECTION,
  /** `Variant::COLOR`. */
  COLOR: T.COLOR,
  /** `Variant::STRING_NAME`. */
  STRING_NAME: T.STRING_NAME,
  /** `Variant::NODE_PATH`. */
  NODE_PATH: T.NODE_PATH,
  /** `Variant::RID`. */
  RID: T.RID,
  /** `Variant::OBJECT`. */
  OBJECT: T.OBJECT,
  /** `Variant::CALLABLE`. */
  CALLABLE: T.CALLABLE,
  /** `Variant::SIGNAL`. */
  SIGNAL: T.SIGNAL,
  /** `Variant::DICTIONARY`. */
  DICTIONARY: T.DICTIONARY,
  /** `Variant::ARRAY`. */
  ARRAY: T.ARRAY,
  /** `Variant::PACKED_BYTE_ARRAY`. */
  PACKED_BYTE_ARRAY: T.PACKED_BYTE_ARRAY,
  /** `Variant::PACKED_INT32_ARRAY`. */
  PACKED_INT32_ARRAY: T.PACKED_INT32_ARRAY,
  /** `Variant::PACKED_INT64_ARRAY`. */
  PACKED_INT64_ARRAY: T.PACKED_INT64_ARRAY,
  /** `Variant::PACKED_FLOAT32_ARRAY`. */
  PACKED_FLOAT32_ARRAY: T.PACKED_FLOAT32_ARRAY,
  /** `Variant::PACKED_FLOAT64_ARRAY`. */
  PACKED_FLOAT64_ARRAY: T.PACKED_FLOAT64_ARRAY,
  /** `Variant::PACKED_STRING_ARRAY`. */
  PACKED_STRING_ARRAY: T.PACKED_STRING_ARRAY,
  /** `Variant::PACKED_VECTOR2_ARRAY`. */
  PACKED_VECTOR2_ARRAY: T.PACKED_VECTOR2_ARRAY,
  /** `Variant::PACKED_VECTOR3_ARRAY`. */
  PACKED_VECTOR3_ARRAY: T.PACKED_VECTOR3_ARRAY,
  /** `Variant::PACKED_COLOR_ARRAY`. */
  PACKED_COLOR_ARRAY: T.PACKED_COLOR_ARRAY,
  /** `Variant::PACKED_VECTOR4_ARRAY`. */
  PACKED_VECTOR4_ARRAY: T.PACKED_VECTOR4_ARRAY,
} as const;

/** One of the numbers in {@link VariantType4}. */
export type VariantType4 = (typeof VariantType4)[keyof typeof VariantType4];

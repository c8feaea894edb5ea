/**
 * The values of `VariantType4` (Godot 4's `Variant::Type`, `core/variant/variant.h`), one export per
 * type id, so bundlers inline the numbers. "Reals" are float32, or float64 with `ENCODE_FLAG_64` (a
 * double-precision build).
 */

/** `0`: `null` (and `undefined`): header only. */
export const NIL = 0;
/** `1`: `boolean`: one uint32, 0 or 1. */
export const BOOL = 1;
/** `2`: Integer: int32, or int64 with `ENCODE_FLAG_64`. */
export const INT = 2;
/** `3`: Float: float32, or float64 with `ENCODE_FLAG_64`. */
export const FLOAT = 3;
/** `4`: `string`: byte length, UTF-8, zero padding to 4. */
export const STRING = 4;
/** `5`: `Vector2`: two reals. */
export const VECTOR2 = 5;
/** `6`: `Vector2i`: two int32. */
export const VECTOR2I = 6;
/** `7`: `Rect2`: four reals. */
export const RECT2 = 7;
/** `8`: `Rect2i`: four int32. */
export const RECT2I = 8;
/** `9`: `Vector3`: three reals. */
export const VECTOR3 = 9;
/** `10`: `Vector3i`: three int32. */
export const VECTOR3I = 10;
/** `11`: `Transform2D`: six reals. */
export const TRANSFORM2D = 11;
/** `12`: `Vector4`: four reals. */
export const VECTOR4 = 12;
/** `13`: `Vector4i`: four int32. */
export const VECTOR4I = 13;
/** `14`: `Plane`: four reals. */
export const PLANE = 14;
/** `15`: `Quaternion`: four reals. */
export const QUATERNION = 15;
/** `16`: `AABB`: six reals. */
export const AABB = 16;
/** `17`: `Basis`: nine reals. */
export const BASIS = 17;
/** `18`: `Transform3D`: twelve reals. */
export const TRANSFORM3D = 18;
/** `19`: `Projection`: sixteen reals. */
export const PROJECTION = 19;
/** `20`: `Color`: four float32 (also in double-precision builds). */
export const COLOR = 20;
/** `21`: `StringName`: like STRING. */
export const STRING_NAME = 21;
/** `22`: `NodePath`: counts, flags, then the names as strings. */
export const NODE_PATH = 22;
/** `23`: `RID`: a uint64 id. */
export const RID = 23;
/** `24`: `EncodedObjectAsID`: with `ENCODE_FLAG_OBJECT_AS_ID`, a uint64 id; full objects are refused. */
export const OBJECT = 24;
/** `25`: `Callable`: header only. */
export const CALLABLE = 25;
/** `26`: `Signal`: name string, then a uint64 object id. */
export const SIGNAL = 26;
/** `27`: `Map`, plain object or `TypedVariantDictionary`: key/value types (bits 16-19), count, then key and value Variants. */
export const DICTIONARY = 27;
/** `28`: Array or `TypedVariantArray`: element type (bits 16-17), count, then the item Variants. */
export const ARRAY = 28;
/** `29`: `Uint8Array`: length, bytes, zero padding to 4. */
export const PACKED_BYTE_ARRAY = 29;
/** `30`: `Int32Array`: count, then an int32 each. */
export const PACKED_INT32_ARRAY = 30;
/** `31`: `BigInt64Array`: count, then an int64 each. */
export const PACKED_INT64_ARRAY = 31;
/** `32`: `Float32Array`: count, then a float32 each. */
export const PACKED_FLOAT32_ARRAY = 32;
/** `33`: `Float64Array`: count, then a float64 each. */
export const PACKED_FLOAT64_ARRAY = 33;
/** `34`: `PackedStringArray`: count, then a NUL-terminated string each. */
export const PACKED_STRING_ARRAY = 34;
/** `35`: `PackedVector2Array`: count, then two reals each. */
export const PACKED_VECTOR2_ARRAY = 35;
/** `36`: `PackedVector3Array`: count, then three reals each. */
export const PACKED_VECTOR3_ARRAY = 36;
/** `37`: `PackedColorArray`: count, then four float32 each. */
export const PACKED_COLOR_ARRAY = 37;
/** `38`: `PackedVector4Array`: count, then four reals each. */
export const PACKED_VECTOR4_ARRAY = 38;

/** `39`: the number of types; a header type byte at or above it is invalid. */
export const VARIANT_MAX = 39;

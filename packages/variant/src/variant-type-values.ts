/**
 * The values of `VariantType`, one export per type id, and the header flag, so bundlers inline the
 * numbers. The codec imports them from here; users import `VariantType` and `ENCODE_FLAG_64` from
 * `variant-type.ts`.
 */

/** `0`: `null` (and `undefined`): header only. */
export const NIL = 0;
/** `1`: `boolean`: one uint32, 0 or 1. */
export const BOOL = 1;
/** `2`: Integer: int32, or int64 with `ENCODE_FLAG_64`. */
export const INT = 2;
/** `3`: Float: float32, or float64 with `ENCODE_FLAG_64`. */
export const REAL = 3;
/** `4`: `string`: byte length, UTF-8, zero padding to 4. */
export const STRING = 4;
/** `5`: `Vector2`: two float32. */
export const VECTOR2 = 5;
/** `6`: `Rect2`: four float32. */
export const RECT2 = 6;
/** `7`: `Vector3`: three float32. */
export const VECTOR3 = 7;
/** `8`: `Transform2D`: six float32. */
export const TRANSFORM2D = 8;
/** `9`: `Plane`: four float32. */
export const PLANE = 9;
/** `10`: `Quat`: four float32. */
export const QUAT = 10;
/** `11`: `AABB`: six float32. */
export const AABB = 11;
/** `12`: `Basis`: nine float32. */
export const BASIS = 12;
/** `13`: `Transform`: twelve float32. */
export const TRANSFORM = 13;
/** `14`: `Color`: four float32. */
export const COLOR = 14;
/** `15`: `NodePath`: counts, flags, then the names as strings. */
export const NODE_PATH = 15;
/** `16`: `RID`: header only. */
export const _RID = 16;
/** `17`: `Object`: never accepted (Godot's `allow_objects = false`). */
export const OBJECT = 17;
/** `18`: `Map` or plain object: count, then key and value Variants. */
export const DICTIONARY = 18;
/** `19`: Array: count, then the item Variants. */
export const ARRAY = 19;
/** `20`: `Uint8Array`: length, bytes, zero padding to 4. */
export const POOL_BYTE_ARRAY = 20;
/** `21`: `Int32Array`: count, then an int32 each. */
export const POOL_INT_ARRAY = 21;
/** `22`: `Float32Array`: count, then a float32 each. */
export const POOL_REAL_ARRAY = 22;
/** `23`: `PoolStringArray`: count, then a NUL-terminated string each. */
export const POOL_STRING_ARRAY = 23;
/** `24`: `PoolVector2Array`: count, then two float32 each. */
export const POOL_VECTOR2_ARRAY = 24;
/** `25`: `PoolVector3Array`: count, then three float32 each. */
export const POOL_VECTOR3_ARRAY = 25;
/** `26`: `PoolColorArray`: count, then four float32 each. */
export const POOL_COLOR_ARRAY = 26;

/** Header bit 16 (`ENCODE_FLAG_64`): the INT body is an int64, the REAL body a float64. */
export const ENCODE_FLAG_64 = 0x10000;

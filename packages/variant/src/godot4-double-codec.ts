import { godot4Codec } from './godot4-codec.js';
import type { VariantCodec } from './variant-codec.js';
import { ENCODE_FLAG_64 } from './variant-type-values.js';
import type { Variant4 } from './variant4.js';

/**
 * The types a double-precision Godot 4 build (`precision=double`, `REAL_T_IS_DOUBLE`) writes with
 * float64 reals and `ENCODE_FLAG_64` (`encode_variant`): VECTOR2, RECT2, VECTOR3, TRANSFORM2D,
 * VECTOR4, PLANE, QUATERNION, AABB, BASIS, TRANSFORM3D, PROJECTION and the Vector2/3/4 packed arrays.
 */
const REAL_TYPES: readonly number[] = [5, 7, 9, 11, 12, 14, 15, 16, 17, 18, 19, 35, 36, 38];

/**
 * {@link godot4Codec} writing math types as a double-precision Godot 4 build does: float64 reals with
 * `ENCODE_FLAG_64` (COLOR and PACKED_COLOR_ARRAY stay float32). Decoding is the same as
 * `godot4Codec`'s, which reads both widths. Use it to talk to a game exported with `precision=double`.
 */
export const godot4DoubleCodec: VariantCodec<Variant4> = {
  ...godot4Codec,
  realWrite: ENCODE_FLAG_64,
  types: /* @__PURE__ */ new Map(
    [...godot4Codec.types].map(([proto, header]) => [
      proto,
      REAL_TYPES.includes(header & 0xff) ? header | ENCODE_FLAG_64 : header,
    ]),
  ),
};

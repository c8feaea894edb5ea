import { ErrorCode } from '@wspeer/core';
import {
  decodeVariantWith,
  encodeVariantWith,
  godot4Codec,
  godot4DoubleCodec,
  Real,
  type Variant4,
  VariantType4,
} from '@wspeer/variant';
import { describe, expect, it } from 'vitest';
import { expectedOf, fromHex, hex, VARIANT4_CASES, VARIANT4_DOUBLE_CASES } from './variant4-values.js';

// Golden bytes from Godot 4.6's `core/io/marshalls.cpp` (`encode_variant` / `decode_variant`); each
// case in variant4-values.ts cites the branch it comes from.

const rows = VARIANT4_CASES.map((c) => [c.name, c] as const);
const doubleRows = VARIANT4_DOUBLE_CASES.map((c) => [c.name, c] as const);
const ok = (value: Variant4, bytesRead: number) => ({ error: ErrorCode.OK, value, bytesRead });

describe('Godot 4 golden bytes (single precision, as official builds write them)', () => {
  it.each(rows)('%s encodes to its golden bytes', (_name, c) => {
    expect(hex(encodeVariantWith(godot4Codec, c.value))).toBe(hex(fromHex(c.bytes)));
  });

  it.each(rows)('%s decodes from its golden bytes', (_name, c) => {
    const bytes = fromHex(c.bytes);
    expect(decodeVariantWith(godot4Codec, bytes)).toStrictEqual(ok(expectedOf(c), bytes.length));
  });

  it('covers every type id of core/variant/variant.h, NIL..PACKED_VECTOR4_ARRAY', () => {
    const types = new Set(VARIANT4_CASES.map((c) => fromHex(c.bytes)[0]));
    expect([...types].sort((a, b) => a - b)).toStrictEqual(Object.values(VariantType4));
    expect(Object.values(VariantType4)).toStrictEqual([...Array(39).keys()]);
  });

  it('re-encodes every decoded golden value to the same bytes (typed containers keep their types)', () => {
    // Except a whole-number FLOAT: it decodes to a plain number, which encodes as INT (wrap it in Real).
    for (const c of VARIANT4_CASES.filter((c) => !(c.value instanceof Real))) {
      const decoded = decodeVariantWith(godot4Codec, fromHex(c.bytes));
      expect(decoded.error).toBe(ErrorCode.OK);
      expect(hex(encodeVariantWith(godot4Codec, decoded.value as Variant4))).toBe(hex(fromHex(c.bytes)));
    }
  });
});

describe('Godot 4 double-precision builds (REAL_T_IS_DOUBLE)', () => {
  it.each(doubleRows)('godot4DoubleCodec writes %s', (_name, c) => {
    expect(hex(encodeVariantWith(godot4DoubleCodec, c.value))).toBe(hex(fromHex(c.bytes)));
  });

  it.each(doubleRows)('godot4Codec decodes %s', (_name, c) => {
    const bytes = fromHex(c.bytes);
    expect(decodeVariantWith(godot4Codec, bytes)).toStrictEqual(ok(expectedOf(c), bytes.length));
  });

  it('decodes every float64 math type: each real doubles the body', () => {
    const cases: Array<[number, number]> = [
      [VariantType4.VECTOR2, 2],
      [VariantType4.RECT2, 4],
      [VariantType4.VECTOR3, 3],
      [VariantType4.TRANSFORM2D, 6],
      [VariantType4.VECTOR4, 4],
      [VariantType4.PLANE, 4],
      [VariantType4.QUATERNION, 4],
      [VariantType4.AABB, 6],
      [VariantType4.BASIS, 9],
      [VariantType4.TRANSFORM3D, 12],
      [VariantType4.PROJECTION, 16],
    ];
    for (const [type, reals] of cases) {
      const bytes = new Uint8Array(4 + reals * 8);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, type | 0x10000, true);
      for (let i = 0; i < reals; i++) view.setFloat64(4 + i * 8, 0.1 * (i + 1), true);
      const result = decodeVariantWith(godot4Codec, bytes);
      expect(result.bytesRead).toBe(bytes.length);
      // Re-encoded by a double build, the bytes come back identical (float64 keeps 0.1 exactly).
      expect(hex(encodeVariantWith(godot4DoubleCodec, result.value as Variant4))).toBe(hex(bytes));
      // One byte short fails.
      expect(decodeVariantWith(godot4Codec, bytes.subarray(0, bytes.length - 1)).error).toBe(
        ErrorCode.ERR_INVALID_DATA,
      );
    }
  });
});

import { ErrorCode } from '@wspeer/core';
import { decodeVariant, encodeVariant, Real, type Variant } from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

function expectBytes(value: Variant, bytes: string, decoded: Variant = value): void {
  const encoded = encodeVariant(value);
  expect(hex(encoded)).toBe(hex(fromHex(bytes)));
  expect(decodeVariant(encoded)).toStrictEqual({ error: ErrorCode.OK, value: decoded, bytesRead: encoded.length });
}

describe('INT: int32 when it fits, else int64 (Godot encode_variant)', () => {
  it.each<[string, Variant, string, Variant?]>([
    ['2^31 - 1 (int32 max)', 2 ** 31 - 1, '02000000 ffffff7f'],
    ['2^31 (first int64)', 2 ** 31, '02000100 00000080 00000000'],
    ['-2^31 (int32 min)', -(2 ** 31), '02000000 00000080'],
    ['-2^31 - 1 (first negative int64)', -(2 ** 31) - 1, '02000100 ffffff7f ffffffff'],
    ['2^32', 2 ** 32, '02000100 00000000 01000000'],
    ['-2^32', -(2 ** 32), '02000100 00000000 ffffffff'],
    ['2^53 - 1 (max safe)', Number.MAX_SAFE_INTEGER, '02000100 ffffffff ffff1f00'],
    ['-(2^53 - 1) (min safe)', Number.MIN_SAFE_INTEGER, '02000100 01000000 0000e0ff'],
    ['-0 (Number.isInteger: Godot sees int 0)', -0, '02000000 00000000', 0],
    ['bigint 2^31 - 1 as int32', 2n ** 31n - 1n, '02000000 ffffff7f', 2 ** 31 - 1],
    ['bigint -2^31 as int32', -(2n ** 31n), '02000000 00000080', -(2 ** 31)],
    ['bigint 2^31 as int64', 2n ** 31n, '02000100 00000080 00000000', 2 ** 31],
    ['bigint 2^53 + 1 (beyond safe: stays bigint)', 2n ** 53n + 1n, '02000100 01000000 00002000'],
    ['bigint 2^53 (not safe: stays bigint)', 2n ** 53n, '02000100 00000000 00002000'],
    ['bigint -(2^53) - 1', -(2n ** 53n) - 1n, '02000100 ffffffff ffffdfff'],
    ['bigint int64 max', 2n ** 63n - 1n, '02000100 ffffffff ffffff7f'],
    ['bigint int64 min', -(2n ** 63n), '02000100 00000000 00000080'],
  ])('%s', (_name, value, bytes, decoded = value) => {
    expectBytes(value, bytes, decoded);
  });

  it('2^53 - 1 as number and 2^53 + 1 as bigint are both accepted; 2^53 as number is refused', () => {
    expect(() => encodeVariant(2 ** 53 - 1)).not.toThrow();
    expect(() => encodeVariant(2n ** 53n + 1n)).not.toThrow();
    expect(() => encodeVariant(2 ** 53)).toThrow(/bigint/);
    expect(() => encodeVariant(-(2 ** 60))).toThrow(/bigint/);
  });

  it('decodes an int64 header with a small value to a number', () => {
    expect(decodeVariant(fromHex('02000100 05000000 00000000')).value).toBe(5);
    expect(decodeVariant(fromHex('02000100 ffffffff ffffffff')).value).toBe(-1);
  });
});

describe('REAL: float32 when (double)(float)v == v, else float64 (Godot encode_variant)', () => {
  it.each<[string, Variant, string, Variant?]>([
    ['0.5 (exact in float32)', 0.5, '03000000 0000003f'],
    ['0.1 (needs float64)', 0.1, '03000100 9a9999999999b93f'],
    ['Real(3): integral but forced REAL, float32', new Real(3), '03000000 00004040', 3],
    ['Real(0)', new Real(0), '03000000 00000000', 0],
    ['Real(-0) keeps its sign', new Real(-0), '03000000 00000080', -0],
    [
      'Real(2^24 + 1): integral, not exact in float32',
      new Real(2 ** 24 + 1),
      '03000100 00000010 00007041',
      2 ** 24 + 1,
    ],
    ['Real(2^60): exact in float32', new Real(2 ** 60), '03000000 0000805d', 2 ** 60],
    ['Real(2^53 + 2) is fine as a REAL', new Real(2 ** 53 + 2), '03000100 01000000 00004043', 2 ** 53 + 2],
    ['Real(float32 max)', new Real(3.4028234663852886e38), '03000000 ffff7f7f', 3.4028234663852886e38],
    ['smallest float32 subnormal', 2 ** -149, '03000000 01000000'],
    ['a double just off a float32', 1 + 2 ** -30, '03000100 00004000 0000f03f'],
    ['+Infinity as float32', Number.POSITIVE_INFINITY, '03000000 0000807f'],
    ['-Infinity as float32', Number.NEGATIVE_INFINITY, '03000000 000080ff'],
    ['NaN as float64 (NaN != NaN, exactly as Godot)', Number.NaN, '03000100 00000000 0000f87f'],
    ['-1.5', -1.5, '03000000 0000c0bf'],
  ])('%s', (_name, value, bytes, decoded = value) => {
    expectBytes(value, bytes, decoded);
  });

  it('decodes a float32 NaN, and decodes REAL as a plain number', () => {
    expect(decodeVariant(fromHex('03000000 0000c07f')).value).toBeNaN();
    expect(decodeVariant(fromHex('03000000 00004040')).value).toBe(3);
  });
});

import { ErrorCode } from '@wspeer/core';
import {
  ByteReader,
  DECODE_FAILED,
  decodeVariant,
  encodeVariant,
  NodePath,
  PoolStringArray,
  RID,
  readVariant,
  type Variant,
} from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
const invalid = { error: ErrorCode.ERR_INVALID_DATA, value: null, bytesRead: 0 };
const ok = (value: Variant, bytesRead: number) => ({ error: ErrorCode.OK, value, bytesRead });

describe('decodeVariant: what Godot 3.2 accepts', () => {
  it('ignores bytes after the value and reports the value size', () => {
    expect(decodeVariant(fromHex('02000000 2a000000 ffffffff 1234'))).toStrictEqual(ok(42, 8));
  });

  it('starts at an offset', () => {
    const bytes = fromHex('ffff 04000000 01000000 61000000');
    expect(decodeVariant(bytes, 2)).toStrictEqual(ok('a', 12));
  });

  it('works on a view into a larger buffer (byteOffset != 0)', () => {
    const backing = fromHex('99 99 99 02000000 07000000 99');
    expect(decodeVariant(backing.subarray(3, 11))).toStrictEqual(ok(7, 8));
  });

  it('uses only the low 8 bits of the header as the type; bit 16 only matters for INT and REAL', () => {
    expect(decodeVariant(fromHex('020000ff 05000000'))).toStrictEqual(ok(5, 8));
    expect(decodeVariant(fromHex('04000100 01000000 61000000'))).toStrictEqual(ok('a', 12));
    expect(decodeVariant(fromHex('10000100'))).toStrictEqual(ok(new RID(), 4));
  });

  it('reads any nonzero BOOL word as true', () => {
    expect(decodeVariant(fromHex('01000000 02000000')).value).toBe(true);
  });

  it('ignores bit 31 ("shared") of ARRAY and DICTIONARY counts', () => {
    expect(decodeVariant(fromHex('13000000 01000080 00000000'))).toStrictEqual(ok([null], 12));
    expect(decodeVariant(fromHex('12000000 01000080 00000000 01000000 01000000'))).toStrictEqual(
      ok(new Map([[null, true]]), 20),
    );
  });

  it('keeps the first position and the last value of a repeated dictionary key, like Dictionary[key] = value', () => {
    const bytes = fromHex(
      '12000000 03000000 02000000 01000000 04000000 01000000 61000000 02000000 02000000 04000000 01000000 62000000 02000000 01000000 04000000 01000000 63000000',
    );
    expect(decodeVariant(bytes).value).toStrictEqual(
      new Map<Variant, Variant>([
        [1, 'c'],
        [2, 'b'],
      ]),
    );
  });

  it('drops a leading UTF-8 BOM like Godot String::parse_utf8', () => {
    expect(decodeVariant(fromHex('04000000 05000000 efbbbf68 69000000')).value).toBe('hi');
  });

  it('strips exactly one trailing NUL per POOL_STRING_ARRAY element', () => {
    const bytes = fromHex('17000000 03000000 02000000 61000000 03000000 61000000 01000000 62000000');
    expect(decodeVariant(bytes).value).toStrictEqual(new PoolStringArray(['a', 'a\0', 'b']));
  });

  it('accepts a POOL_BYTE_ARRAY whose padding is cut off by the end of the input, as Godot does', () => {
    expect(decodeVariant(fromHex('14000000 01000000 07'))).toStrictEqual(ok(Uint8Array.of(7), 9));
    // ...but nothing can follow it: Godot's remaining length goes negative there.
    expect(decodeVariant(fromHex('13000000 02000000 14000000 01000000 07'))).toStrictEqual(invalid);
  });

  it('reads the obsolete NodePath flag 2 as one extra subname, like Godot 3.2', () => {
    const bytes = fromHex('0f000000 01000080 00000000 02000000 01000000 61000000 01000000 70000000');
    expect(decodeVariant(bytes)).toStrictEqual(ok(new NodePath(['a'], ['p'], false), bytes.length));
  });

  it('returns fresh typed arrays that do not alias the input', () => {
    const bytes = encodeVariant(Int32Array.of(1, 2));
    const result = decodeVariant(bytes);
    bytes.fill(0);
    expect(result.value).toStrictEqual(Int32Array.of(1, 2));
    const packet = fromHex('00 15000000 01000000 05000000'); // unaligned int32 data
    expect(decodeVariant(packet, 1).value).toStrictEqual(Int32Array.of(5));
  });
});

describe('decodeVariant: ERR_INVALID_DATA, never an exception', () => {
  it.each<[string, string]>([
    ['empty input', ''],
    ['a partial header', '020000'],
    ['a truncated BOOL', '01000000 0100'],
    ['a truncated INT', '02000000 2a'],
    ['a truncated INT64', '02000100 00000000'],
    ['a truncated REAL64', '03000100 9a999999'],
    ['a string longer than the input', '04000000 05000000 6162'],
    ['a string without its padding', '04000000 01000000 61'],
    ['a string length of 2^32 - 1', '04000000 ffffffff 00000000'],
    ['invalid UTF-8 (bad continuation)', '04000000 02000000 c3280000'],
    ['invalid UTF-8 (overlong NUL)', '04000000 02000000 c0800000'],
    ['invalid UTF-8 (encoded surrogate)', '04000000 03000000 eda08000'],
    ['invalid UTF-8 (beyond U+10FFFF)', '04000000 04000000 f4908080'],
    ['invalid UTF-8 in a NodePath name', '0f000000 01000080 00000000 00000000 01000000 ff000000'],
    ['invalid UTF-8 in a POOL_STRING_ARRAY', '17000000 01000000 01000000 ff000000'],
    ['a truncated VECTOR2', '05000000 0000c03f'],
    ['a truncated RECT2', '06000000 00000000 00000000 00000000'],
    ['a truncated TRANSFORM', `0d000000 ${'00000000'.repeat(11)}`],
    ['a truncated COLOR', '0e000000 00000000'],
    ['the pre-3.0 NodePath format (old string form)', '0f000000 04000000 61626364'],
    ['a NodePath header cut short', '0f000000 01000080 00000000'],
    ['a NodePath with more names than data', '0f000000 02000080 00000000 00000000 01000000 61000000'],
    ['OBJECT (objects are not allowed)', '11000000 00000000'],
    ['OBJECT as instance id', '11000100 01000000 00000000'],
    ['OBJECT null id', '11000100 00000000 00000000'],
    ['type 27 (VARIANT_MAX)', '1b000000'],
    ['type 255', 'ff000000'],
    ['an ARRAY with a missing element', '13000000 02000000 00000000'],
    ['an ARRAY containing an invalid element', '13000000 01000000 1b000000'],
    ['a DICTIONARY missing a value', '12000000 01000000 00000000'],
    ['a POOL_BYTE_ARRAY longer than the input', '14000000 05000000 01020304'],
    ['a POOL_INT_ARRAY longer than the input', '15000000 02000000 01000000'],
    ['a POOL_REAL_ARRAY longer than the input', '16000000 02000000 00000000'],
    ['a POOL_STRING_ARRAY missing strings', '17000000 02000000 01000000 00000000'],
    ['a POOL_VECTOR2_ARRAY longer than the input', '18000000 01000000 00000000'],
    ['a POOL_VECTOR3_ARRAY longer than the input', '19000000 01000000 00000000 00000000'],
    ['a POOL_COLOR_ARRAY longer than the input', '1a000000 01000000 00000000 00000000 00000000'],
  ])('%s', (_name, bytes) => {
    expect(decodeVariant(fromHex(bytes))).toStrictEqual(invalid);
  });

  it('rejects offsets outside the input', () => {
    const bytes = fromHex('00000000');
    for (const offset of [-1, 5, 1.5, Number.NaN]) expect(decodeVariant(bytes, offset)).toStrictEqual(invalid);
    expect(decodeVariant(bytes, 4)).toStrictEqual(invalid);
  });

  it.each<[string, string]>([
    ['ARRAY of 2^31 - 1', '13000000 ffffff7f'],
    ['ARRAY of 2^31 (shared bit set)', '13000000 ffffffff'],
    ['DICTIONARY of 2^31 - 1', '12000000 ffffff7f'],
    ['POOL_BYTE_ARRAY of 2^32 - 1', '14000000 ffffffff'],
    ['POOL_INT_ARRAY of 2^30 (count * 4 overflows int32 in C)', '15000000 00000040'],
    ['POOL_REAL_ARRAY of 2^32 - 1', '16000000 ffffffff'],
    ['POOL_STRING_ARRAY of 2^32 - 1', '17000000 ffffffff'],
    ['POOL_VECTOR2_ARRAY of 2^29', '18000000 00000020'],
    ['POOL_VECTOR3_ARRAY of 2^32 - 1', '19000000 ffffffff'],
    ['POOL_COLOR_ARRAY of 2^28', '1a000000 00000010'],
    ['NODE_PATH with 2^31 - 1 names', '0f000000 ffffffff ffffffff 03000000'],
  ])('rejects a header claiming a %s element count in 16 bytes, without allocating', (_name, header) => {
    const bytes = new Uint8Array(16);
    bytes.set(fromHex(header));
    const started = performance.now();
    expect(decodeVariant(bytes)).toStrictEqual(invalid);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('limits ARRAY/DICTIONARY nesting to maxDepth (default 256)', () => {
    const arrays = (levels: number): Uint8Array => {
      const bytes = new Uint8Array(levels * 8 + 4);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < levels; i++) {
        view.setUint32(i * 8, 0x13, true);
        view.setUint32(i * 8 + 4, 1, true);
      }
      return bytes;
    };
    expect(decodeVariant(arrays(256)).error).toBe(ErrorCode.OK);
    expect(decodeVariant(arrays(257))).toStrictEqual(invalid);
    expect(decodeVariant(arrays(3), 0, { maxDepth: 3 }).error).toBe(ErrorCode.OK);
    expect(decodeVariant(arrays(3), 0, { maxDepth: 2 })).toStrictEqual(invalid);
    expect(decodeVariant(fromHex('13000000 00000000'), 0, { maxDepth: 0 })).toStrictEqual(invalid);
    expect(decodeVariant(fromHex('02000000 01000000'), 0, { maxDepth: 0 })).toStrictEqual(ok(1, 8));
    expect(decodeVariant(fromHex('13000000 00000000'), 0, { maxDepth: Number.NaN })).toStrictEqual(invalid);
    const dictionaryOfArray = fromHex('12000000 01000000 00000000 13000000 00000000'); // {null: []}
    expect(decodeVariant(dictionaryOfArray, 0, { maxDepth: 2 }).error).toBe(ErrorCode.OK);
    expect(decodeVariant(dictionaryOfArray, 0, { maxDepth: 1 })).toStrictEqual(invalid);
  });

  it('survives absurd nesting even with maxDepth: Infinity (stack exhaustion is reported, not thrown)', () => {
    const levels = 200_000;
    const bytes = new Uint8Array(levels * 8 + 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < levels; i++) {
      view.setUint32(i * 8, 0x13, true);
      view.setUint32(i * 8 + 4, 1, true);
    }
    expect([ErrorCode.OK, ErrorCode.ERR_INVALID_DATA]).toContain(
      decodeVariant(bytes, 0, { maxDepth: Number.POSITIVE_INFINITY }).error,
    );
  });
});

describe('readVariant on a ByteReader', () => {
  it('reads consecutive values and returns DECODE_FAILED at the end', () => {
    const reader = new ByteReader(fromHex('02000000 01000000 04000000 01000000 62000000'));
    expect(readVariant(reader)).toBe(1);
    expect(readVariant(reader)).toBe('b');
    expect(reader.remaining).toBe(0);
    expect(readVariant(reader)).toBe(DECODE_FAILED);
  });

  it('stops at the reader end even when the array goes on', () => {
    const bytes = fromHex('02000000 01000000 02000000 02000000');
    const reader = new ByteReader(bytes, 0, 12);
    expect(readVariant(reader)).toBe(1);
    expect(readVariant(reader)).toBe(DECODE_FAILED);
  });

  it('reads int64 halves as a number when safe and as a bigint otherwise', () => {
    const reader = new ByteReader(fromHex('ffffffff ffff1f00 00000000 00002000 00000000 000000 80'));
    expect(reader.i64()).toBe(2 ** 53 - 1);
    expect(reader.i64()).toBe(2n ** 53n);
    expect(reader.i64()).toBe(-(2n ** 63n));
  });

  it('clamps its bounds to the array and skip() to its end', () => {
    const reader = new ByteReader(new Uint8Array(4), 10, 20);
    expect(reader.pos).toBe(4);
    expect(reader.remaining).toBe(0);
    const other = new ByteReader(new Uint8Array(8), 2);
    other.skip(100);
    expect(other.pos).toBe(8);
  });
});

import { ErrorCode } from '@wspeer/core';
import {
  ByteReader,
  ByteWriter,
  DECODE_FAILED,
  decodeVariantWith,
  EncodedObjectAsID,
  godot4Codec,
  NodePath,
  PackedStringArray,
  RID,
  readVariantWith,
  TypedVariantArray,
  TypedVariantDictionary,
  type Variant4,
  Vector2,
  writeVariantWith,
} from '@wspeer/variant';
import { describe, expect, it } from 'vitest';
import { fromHex, hex } from './variant4-values.js';

const decode = (text: string, options?: { maxDepth?: number }) =>
  decodeVariantWith(godot4Codec, fromHex(text), 0, options);
const invalid = { error: ErrorCode.ERR_INVALID_DATA, value: null, bytesRead: 0 };
const ok = (value: Variant4, bytesRead: number) => ({ error: ErrorCode.OK, value, bytesRead });

describe('godot4Codec: what Godot 4.6 decode_variant accepts', () => {
  it('ignores bytes after the value and uses only the low 8 header bits as the type', () => {
    expect(decode('02000000 2a000000 ffffffff')).toStrictEqual(ok(42, 8));
    expect(decode('040000f0 01000000 61000000')).toStrictEqual(ok('a', 12));
  });

  it('reads an INT or FLOAT with the 64-bit flag whatever its value', () => {
    expect(decode('02000100 2a000000 00000000')).toStrictEqual(ok(42, 12));
    expect(decode('03000100 00000000 0000f83f')).toStrictEqual(ok(1.5, 12));
  });

  it('ignores the 64-bit flag on the integer vectors and COLOR, as Godot does', () => {
    expect(decode('06000100 01000000 02000000').bytesRead).toBe(12);
    expect(decode('14000100 0000803f 0000803f 0000803f 0000803f').bytesRead).toBe(20);
  });

  it('reads OBJECT only in its id form, including the null id', () => {
    expect(decode('18000100 00000000 00000000')).toStrictEqual(ok(new EncodedObjectAsID(0n), 12));
    expect(decode('18000100 ffffffff ffffffff')).toStrictEqual(ok(new EncodedObjectAsID(2n ** 64n - 1n), 12));
  });

  it('reads RID ids as unsigned 64-bit', () => {
    expect(decode('17000000 ffffffff ffffffff')).toStrictEqual(ok(new RID(2n ** 64n - 1n), 12));
  });

  it('keeps a typed container whose built-in type is NIL (Godot would then treat it as untyped)', () => {
    expect(decode('1c000100 00000000 00000000')).toStrictEqual(ok(new TypedVariantArray({ kind: 1, type: 0 }), 12));
  });

  it('keeps a typed dictionary typed by value only', () => {
    expect(decode('1b000400 02000000 00000000')).toStrictEqual(
      ok(new TypedVariantDictionary(null, { kind: 1, type: 2 }), 12),
    );
  });

  it('does not check that a typed container holds its type (Godot would drop the mismatching items)', () => {
    const decoded = decode('1c000100 02000000 01000000 04000000 01000000 61000000');
    expect(decoded).toStrictEqual(ok(new TypedVariantArray({ kind: 1, type: 2 }, ['a']), 24));
  });

  it('strips one trailing NUL per PACKED_STRING_ARRAY element and reads NODE_PATH like Godot 3', () => {
    expect(decode('22000000 02000000 02000000 61000000 01000000 62000000').value).toStrictEqual(
      new PackedStringArray(['a', 'b']),
    );
    expect(decode('16000000 01000080 00000000 02000000 01000000 61000000 01000000 70000000').value).toStrictEqual(
      new NodePath(['a'], ['p'], false),
    );
  });

  it('accepts a PACKED_BYTE_ARRAY whose padding is cut off by the end of the input, as Godot does', () => {
    expect(decode('1d000000 01000000 07')).toStrictEqual(ok(Uint8Array.of(7), 9));
  });

  it('returns fresh packed arrays that do not alias the input, also at odd offsets', () => {
    const packet = fromHex('00 1f000000 01000000 05000000 00000000');
    const result = decodeVariantWith(godot4Codec, packet, 1);
    packet.fill(0);
    expect(result.value).toStrictEqual(BigInt64Array.of(5n));
  });
});

describe('godot4Codec: ERR_INVALID_DATA, never an exception', () => {
  it.each<[string, string]>([
    ['type 39 (VARIANT_MAX)', '27000000'],
    ['type 255', 'ff000000'],
    ['a full OBJECT (objects are never decoded)', '18000000 05000000 4e6f6465 00000000 00000000'],
    ['a null full OBJECT (empty class name)', '18000000 00000000'],
    ['an OBJECT id cut short', '18000100 07000000'],
    ['an RID cut short', '17000000 05000000'],
    ['a SIGNAL without its id', '1a000000 01000000 61000000 09000000'],
    ['a SIGNAL name longer than the input', '1a000000 09000000 61000000'],
    ['a STRING_NAME with invalid UTF-8', '15000000 01000000 ff000000'],
    ['a VECTOR2 with the 64-bit flag and float32 data', '05000100 00000000 00000000'],
    ['a PROJECTION cut short', `13000000 ${'00000000'.repeat(15)}`],
    ['a VECTOR4I cut short', '0d000000 00000000 00000000 00000000'],
    ['a typed ARRAY with a built-in type >= 39', '1c000100 27000000 00000000'],
    ['a typed ARRAY with a built-in type 2^32 - 1', '1c000100 ffffffff 00000000'],
    ['a typed ARRAY without its count', '1c000100 02000000'],
    ['a typed ARRAY without its type', '1c000100'],
    ['a typed ARRAY whose class name is invalid UTF-8', '1c000200 01000000 ff000000 00000000'],
    ['a typed ARRAY whose script path overruns', '1c000300 08000000 72657300'],
    ['a typed DICTIONARY without its value type', '1b000500 04000000'],
    ['a typed DICTIONARY without its count', '1b000500 04000000 02000000'],
    ['a typed DICTIONARY with a bad key type', '1b000500 63000000 02000000 00000000'],
    ['a PACKED_INT64_ARRAY longer than the input', '1f000000 02000000 01000000 00000000'],
    ['a PACKED_FLOAT64_ARRAY longer than the input', '21000000 01000000 00000000'],
    ['a PACKED_VECTOR2_ARRAY of float64 longer than the input', '23000100 01000000 00000000 00000000'],
    ['a PACKED_VECTOR4_ARRAY longer than the input', '26000000 01000000 00000000 00000000 00000000'],
    ['an ARRAY containing a full OBJECT', '1c000000 01000000 18000000 00000000'],
  ])('%s', (_name, bytes) => {
    expect(decode(bytes)).toStrictEqual(invalid);
  });

  it.each<[string, string]>([
    ['ARRAY of 2^31 - 1', '1c000000 ffffff7f'],
    ['typed ARRAY of 2^31 - 1', '1c000100 02000000 ffffff7f'],
    ['DICTIONARY of 2^31 - 1', '1b000000 ffffff7f'],
    ['typed DICTIONARY of 2^31 - 1', '1b000500 04000000 02000000 ffffff7f'],
    ['PACKED_BYTE_ARRAY of 2^32 - 1', '1d000000 ffffffff'],
    ['PACKED_INT32_ARRAY of 2^30', '1e000000 00000040'],
    ['PACKED_INT64_ARRAY of 2^31', '1f000000 00000080'],
    ['PACKED_FLOAT32_ARRAY of 2^32 - 1', '20000000 ffffffff'],
    ['PACKED_FLOAT64_ARRAY of 2^29', '21000000 00000020'],
    ['PACKED_STRING_ARRAY of 2^32 - 1', '22000000 ffffffff'],
    ['PACKED_VECTOR2_ARRAY of 2^31 (float64)', '23000100 00000080'],
    ['PACKED_VECTOR3_ARRAY of 2^32 - 1', '24000000 ffffffff'],
    ['PACKED_COLOR_ARRAY of 2^28', '25000000 00000010'],
    ['PACKED_VECTOR4_ARRAY of 2^31', '26000000 00000080'],
    ['NODE_PATH with 2^31 - 1 names', '16000000 ffffffff ffffffff 03000000'],
  ])('rejects a header claiming a %s element count in 12-16 bytes, without allocating', (_name, header) => {
    const start = fromHex(header);
    const bytes = new Uint8Array(Math.max(12, start.length));
    bytes.set(start);
    const started = performance.now();
    expect(decodeVariantWith(godot4Codec, bytes)).toStrictEqual(invalid);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('limits ARRAY/DICTIONARY nesting to maxDepth (default 256), typed or not', () => {
    const nested = (levels: number, typed: boolean): Uint8Array => {
      const w = new ByteWriter();
      for (let i = 0; i < levels; i++) {
        w.u32(typed ? 0x1001c : 0x1c);
        if (typed) w.u32(28); // Array[Array]
        w.u32(1);
      }
      w.u32(0);
      return w.finish();
    };
    for (const typed of [false, true]) {
      expect(decodeVariantWith(godot4Codec, nested(256, typed)).error).toBe(ErrorCode.OK);
      expect(decodeVariantWith(godot4Codec, nested(257, typed))).toStrictEqual(invalid);
      expect(decodeVariantWith(godot4Codec, nested(3, typed), 0, { maxDepth: 2 })).toStrictEqual(invalid);
    }
  });
});

describe('readVariantWith / writeVariantWith on a ByteReader / ByteWriter', () => {
  it('writes and reads consecutive Godot 4 values at the cursor', () => {
    const w = new ByteWriter();
    w.u8(0x20);
    writeVariantWith(godot4Codec, w, new Vector2(1, 2));
    writeVariantWith(godot4Codec, w, new RID(3n));
    const bytes = w.finish();
    expect(hex(bytes)).toBe('20050000000000803f000000401700000003000000' + '00000000');
    const r = new ByteReader(bytes, 1);
    expect(readVariantWith(godot4Codec, r)).toStrictEqual(new Vector2(1, 2));
    expect(readVariantWith(godot4Codec, r)).toStrictEqual(new RID(3n));
    expect(readVariantWith(godot4Codec, r)).toBe(DECODE_FAILED);
  });

  it('appends nothing when a value cannot be encoded', () => {
    const w = new ByteWriter();
    w.u8(1);
    expect(() => writeVariantWith(godot4Codec, w, [1, new RID(-1n)])).toThrow(/RID id -1/);
    expect(w.length).toBe(1);
  });
});

import { ErrorCode } from '@wspeer/core';
import {
  AABB,
  Basis,
  Color,
  decodeVariantWith,
  encodeVariantWith,
  godot3Codec,
  godot3Color,
  godot3CoreCodec,
  godot3PoolByteArray,
  godot3PoolIntArray,
  godot3PoolRealArray,
  godot3PoolStringArray,
  godot3Types,
  godot3Vector2,
  NodePath,
  Plane,
  PoolColorArray,
  PoolStringArray,
  PoolVector2Array,
  PoolVector3Array,
  Quat,
  Rect2,
  RID,
  Transform,
  Transform2D,
  type Variant,
  VariantBytes,
  Vector2,
  Vector3,
  withTypes,
} from '@wspeer/variant';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** One value of every Godot 3.2 type (ids 0..26 but OBJECT), as `godot3Codec` encodes them. */
const VALUES: readonly Variant[] = [
  null,
  true,
  -7,
  2 ** 40,
  0.5,
  0.1,
  'héllo',
  new Vector2(1.5, -2),
  new Rect2(1, 2, 3, 4),
  new Vector3(1, 2, 3),
  new Transform2D(new Vector2(1, 0), new Vector2(0, 1), new Vector2(5, 6)),
  new Plane(0, 1, 0, 2),
  new Quat(0, 0, 0, 1),
  new AABB(new Vector3(1, 2, 3), new Vector3(4, 5, 6)),
  new Basis(),
  new Transform(new Basis(), new Vector3(7, 8, 9)),
  new Color(1, 0.5, 0, 1),
  new NodePath(['Main', 'Game'], ['position'], true),
  new RID(),
  new Map<Variant, Variant>([['a', 1]]),
  [1, 'two', [new Vector2(1, 2)]],
  new Uint8Array([1, 2, 3]),
  new Int32Array([-1, 2]),
  new Float32Array([0.5]),
  new PoolStringArray(['a', 'bc']),
  new PoolVector2Array([new Vector2(1, 2)]),
  new PoolVector3Array([new Vector3(1, 2, 3)]),
  new PoolColorArray([new Color(1, 0, 0, 1)]),
];

const CORE_TYPES = new Set([0, 1, 2, 3, 4, 18, 19]);
const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

describe('godot3CoreCodec: the core types, every other type as lossless VariantBytes', () => {
  it.each(VALUES.map((v) => [String(v), v] as const))('%s', (_name, value) => {
    const bytes = encodeVariantWith(godot3Codec, value);
    const result = decodeVariantWith(godot3CoreCodec, bytes);
    expect(result.error).toBe(ErrorCode.OK);
    expect(result.bytesRead).toBe(bytes.length);
    const type = bytes[0] as number;
    if (CORE_TYPES.has(type) && type !== 19) {
      expect(result.value).toStrictEqual(decodeVariantWith(godot3Codec, bytes).value);
    } else if (type !== 19) {
      expect(result.value).toStrictEqual(new VariantBytes(bytes));
      expect((result.value as VariantBytes).type).toBe(type);
    }
    expect(hex(encodeVariantWith(godot3CoreCodec, result.value))).toBe(hex(bytes));
  });

  it('keeps opaque values inside containers and writes them back in place', () => {
    const bytes = encodeVariantWith(godot3Codec, [1, new Vector2(1, 2)]);
    const decoded = decodeVariantWith(godot3CoreCodec, bytes).value as (Variant | VariantBytes)[];
    expect(decoded).toStrictEqual([1, new VariantBytes(encodeVariantWith(godot3Codec, new Vector2(1, 2)))]);
    expect(encodeVariantWith(godot3CoreCodec, decoded as Variant[])).toStrictEqual(bytes);
  });

  it('refuses classes it was not given, naming them', () => {
    expect(() => encodeVariantWith(godot3CoreCodec, new Vector2())).toThrow(/instance of Vector2 as a Godot 3 Variant/);
    expect(() => encodeVariantWith(godot3CoreCodec, [new Color()])).toThrow(/instance of Color/);
    expect(() => encodeVariantWith(godot3CoreCodec, new Uint8Array(2))).toThrow(/instance of Uint8Array/);
    expect(() => encodeVariantWith(godot3CoreCodec, [new PoolStringArray([])])).toThrow(/instance of PoolStringArray/);
  });

  it('reads every pool as VariantBytes (as godot4CoreCodec has no packed arrays), byte for byte', () => {
    const pools = [
      new Uint8Array([1, 2, 3, 4, 5]),
      new Int32Array([-1, 2 ** 31 - 1]),
      new Float32Array([0.5, -2]),
      new PoolStringArray(['', 'é', 'abcd']),
    ];
    for (const [i, pool] of pools.entries()) {
      const bytes = encodeVariantWith(godot3Codec, [pool, 'after']);
      const decoded = decodeVariantWith(godot3CoreCodec, bytes);
      expect(decoded.bytesRead).toBe(bytes.length);
      const [opaque, after] = decoded.value as [VariantBytes, string];
      expect(opaque).toStrictEqual(new VariantBytes(encodeVariantWith(godot3Codec, pool)));
      expect(opaque.type).toBe(20 + i);
      expect(after).toBe('after');
      expect(hex(encodeVariantWith(godot3CoreCodec, decoded.value))).toBe(hex(bytes));
    }
  });
});

describe('withTypes over godot3CoreCodec', () => {
  it('adds just the types given', () => {
    const codec = withTypes(godot3CoreCodec, godot3Vector2);
    const bytes = encodeVariantWith(godot3Codec, [new Vector2(1, 2), new Color()]);
    expect(decodeVariantWith(codec, bytes).value).toStrictEqual([
      new Vector2(1, 2),
      new VariantBytes(encodeVariantWith(godot3Codec, new Color())),
    ]);
    expect(() => encodeVariantWith(codec, new Color())).toThrow(/instance of Color/);
    expect(hex(encodeVariantWith(withTypes(codec, godot3Color), new Color()))).toBe(
      hex(encodeVariantWith(godot3Codec, new Color())),
    );
    expect(() => encodeVariantWith(godot3CoreCodec, new Vector2())).toThrow();
  });

  it('decodes and encodes the pools it is given: godot3PoolByteArray, ...IntArray, ...RealArray, ...StringArray', () => {
    const codec = withTypes(
      godot3CoreCodec,
      godot3PoolByteArray,
      godot3PoolIntArray,
      godot3PoolRealArray,
      godot3PoolStringArray,
    );
    const pools = [
      new Uint8Array([1, 2, 3]),
      new Int32Array([-1, 2]),
      new Float32Array([0.5]),
      new PoolStringArray(['a', 'bc']),
    ];
    const bytes = encodeVariantWith(godot3Codec, pools);
    expect(hex(encodeVariantWith(codec, pools))).toBe(hex(bytes));
    expect(decodeVariantWith(codec, bytes).value).toStrictEqual(pools);
    const bytesOnly = withTypes(godot3CoreCodec, godot3PoolByteArray);
    expect(decodeVariantWith(bytesOnly, bytes).value).toStrictEqual([
      new Uint8Array([1, 2, 3]),
      ...pools.slice(1).map((pool) => new VariantBytes(encodeVariantWith(godot3Codec, pool))),
    ]);
    expect(() => encodeVariantWith(bytesOnly, new Int32Array(1))).toThrow(/instance of Int32Array/);
  });

  it('rebuilds godot3Codec from the core and godot3Types: same classes, same bytes both ways', () => {
    const built = withTypes(godot3CoreCodec, ...godot3Types);
    const types = new Map(built.types);
    types.delete(VariantBytes.prototype);
    expect(types).toStrictEqual(godot3Codec.types);
    expect(built.minBody).toStrictEqual(godot3Codec.minBody);
    for (const value of VALUES) {
      const bytes = encodeVariantWith(godot3Codec, value);
      expect(hex(encodeVariantWith(built, value))).toBe(hex(bytes));
      expect(decodeVariantWith(built, bytes)).toStrictEqual(decodeVariantWith(godot3Codec, bytes));
    }
  });
});

describe('the Godot 3 core codec accepts and rejects exactly what godot3Codec does', () => {
  const agree = (bytes: Uint8Array) => {
    const full = decodeVariantWith(godot3Codec, bytes);
    const core = decodeVariantWith(godot3CoreCodec, bytes);
    expect(core.error).toBe(full.error);
    expect(core.bytesRead).toBe(full.bytesRead);
  };

  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => agree(bytes)),
      { numRuns: 2000 },
    );
  });

  it('on random bodies behind every header type and flag combination', () => {
    const words = fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.nat(), fc.constant(0x80000002)), {
      maxLength: 14,
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 15 }), words, (type, flags, body) => {
        const bytes = new Uint8Array(4 + body.length * 4);
        const view = new DataView(bytes.buffer);
        view.setUint32(0, type | (flags << 16), true);
        for (const [i, word] of body.entries()) view.setUint32(4 + i * 4, word, true);
        agree(bytes);
        for (let cut = 0; cut < bytes.length; cut += 3) agree(bytes.subarray(0, cut));
      }),
      { numRuns: 3000 },
    );
  });

  it('on every truncation and single bit flip of one value of each type', () => {
    for (const value of VALUES) {
      const bytes = encodeVariantWith(godot3Codec, value);
      for (let cut = 0; cut <= bytes.length; cut++) agree(bytes.subarray(0, cut));
      for (let bit = 0; bit < bytes.length * 8; bit++) {
        const flipped = bytes.slice();
        flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
        agree(flipped);
      }
    }
  });
});

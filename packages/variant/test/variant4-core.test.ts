import { ErrorCode } from '@wspeer/core';
import {
  Color,
  decodeVariantWith,
  encodeVariantWith,
  godot4Codec,
  godot4Color,
  godot4CoreCodec,
  godot4DoubleCodec,
  godot4Types,
  godot4Vector2,
  Real,
  TypedVariantArray,
  type Variant4,
  VariantBytes,
  Vector2,
  withTypes,
} from '@wspeer/variant';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedOf, fromHex, hex, VARIANT4_CASES, VARIANT4_DOUBLE_CASES } from './variant4-values.js';

const CORE_TYPES = new Set([0, 1, 2, 3, 4, 27, 28]);

describe('godot4CoreCodec: the core types, every other type as lossless VariantBytes', () => {
  it.each(VARIANT4_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const bytes = fromHex(c.bytes);
    const result = decodeVariantWith(godot4CoreCodec, bytes);
    expect(result.error).toBe(ErrorCode.OK);
    expect(result.bytesRead).toBe(bytes.length);
    if (CORE_TYPES.has(bytes[0] as number)) {
      expect(result.value).toStrictEqual(expectedOf(c));
    } else {
      expect(result.value).toStrictEqual(new VariantBytes(bytes));
      expect((result.value as VariantBytes).type).toBe(bytes[0]);
    }
    if (!(c.value instanceof Real)) {
      expect(hex(encodeVariantWith(godot4CoreCodec, result.value as Variant4))).toBe(hex(bytes));
    }
  });

  it('keeps double-precision bodies whole', () => {
    for (const c of VARIANT4_DOUBLE_CASES) {
      const bytes = fromHex(c.bytes);
      expect(decodeVariantWith(godot4CoreCodec, bytes).value).toStrictEqual(new VariantBytes(bytes));
    }
  });

  it('keeps opaque values inside containers, typed ones included, and writes them back in place', () => {
    const value = new TypedVariantArray({ kind: 1, type: 5 }, [new Vector2(1, 2)]);
    const bytes = encodeVariantWith(godot4Codec, value);
    const decoded = decodeVariantWith(godot4CoreCodec, bytes).value as TypedVariantArray<VariantBytes>;
    expect(decoded).toBeInstanceOf(TypedVariantArray);
    expect(decoded[0]).toStrictEqual(new VariantBytes(encodeVariantWith(godot4Codec, new Vector2(1, 2))));
    expect(encodeVariantWith(godot4CoreCodec, decoded)).toStrictEqual(bytes);
  });

  it('refuses classes it was not given, and VariantBytes in the full codec', () => {
    expect(() => encodeVariantWith(godot4CoreCodec, new Vector2())).toThrow(/instance of Vector2 as a Godot 4 Variant/);
    expect(() => encodeVariantWith(godot4Codec, new VariantBytes(new Uint8Array(4)) as never)).toThrow(
      /instance of VariantBytes/,
    );
  });

  it('returns copies that do not alias the packet', () => {
    const bytes = encodeVariantWith(godot4Codec, new Color(1, 0, 0, 1));
    const decoded = decodeVariantWith(godot4CoreCodec, bytes).value as VariantBytes;
    bytes.fill(0);
    expect(decoded.bytes[0]).toBe(20);
  });
});

describe('withTypes', () => {
  it('adds just the types given', () => {
    const codec = withTypes(godot4CoreCodec, godot4Vector2);
    const bytes = encodeVariantWith(godot4Codec, [new Vector2(1, 2), new Color()]);
    expect(decodeVariantWith(codec, bytes).value).toStrictEqual([
      new Vector2(1, 2),
      new VariantBytes(encodeVariantWith(godot4Codec, new Color())),
    ]);
    expect(() => encodeVariantWith(codec, new Color())).toThrow(/instance of Color/);
    expect(hex(encodeVariantWith(withTypes(codec, godot4Color), new Color()))).toBe(
      hex(encodeVariantWith(godot4Codec, new Color())),
    );
    // The codec given is unchanged.
    expect(() => encodeVariantWith(godot4CoreCodec, new Vector2())).toThrow();
  });

  it('rebuilds godot4Codec and godot4DoubleCodec exactly from the core and godot4Types', () => {
    for (const [full, base] of [
      [godot4Codec, godot4CoreCodec],
      [godot4DoubleCodec, { ...godot4CoreCodec, realWrite: godot4DoubleCodec.realWrite }],
    ] as const) {
      const built = withTypes(base, ...godot4Types);
      for (let id = 0; id < 39; id++) {
        expect(built.readers[id], `reader ${id}`).toBe(full.readers[id]);
        expect(built.writers[id] || 0, `writer ${id}`).toBe(full.writers[id] || 0);
      }
      const types = new Map(built.types);
      types.delete(VariantBytes.prototype);
      expect(types).toStrictEqual(full.types);
      expect(built.minBody).toBe(full.minBody);
      expect(built.minBody64).toBe(full.minBody64);
    }
  });
});

describe('the core codec accepts and rejects exactly what the full codec does', () => {
  const agree = (bytes: Uint8Array) => {
    const full = decodeVariantWith(godot4Codec, bytes);
    const core = decodeVariantWith(godot4CoreCodec, bytes);
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
    const words = fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.nat(), fc.constant(0x80000002)), {
      maxLength: 14,
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 15 }), words, (type, flags, body) => {
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

  it('on every truncation and single bit flip of the catalogue', () => {
    for (const c of [...VARIANT4_CASES, ...VARIANT4_DOUBLE_CASES]) {
      const bytes = fromHex(c.bytes);
      for (let cut = 0; cut <= bytes.length; cut++) agree(bytes.subarray(0, cut));
      for (let bit = 0; bit < bytes.length * 8; bit++) {
        const flipped = bytes.slice();
        flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
        agree(flipped);
      }
    }
  });
});

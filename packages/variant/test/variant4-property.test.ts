import { ErrorCode } from '@wspeer/core';
import {
  AABB,
  Basis,
  ByteReader,
  Callable,
  Color,
  type ContainerType,
  DECODE_FAILED,
  decodeVariantWith,
  EncodedObjectAsID,
  encodeVariantWith,
  godot4Codec,
  godot4DoubleCodec,
  NodePath,
  PackedColorArray,
  PackedStringArray,
  PackedVector2Array,
  PackedVector3Array,
  PackedVector4Array,
  Plane,
  Projection,
  Quaternion,
  Real,
  Rect2,
  Rect2i,
  RID,
  readVariantWith,
  Signal,
  StringName,
  Transform2D,
  Transform3D,
  TypedVariantArray,
  TypedVariantDictionary,
  type Variant4,
  type VariantCodec,
  Vector2,
  Vector2i,
  Vector3,
  Vector3i,
  Vector4,
  Vector4i,
} from '@wspeer/variant';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// ---- arbitraries -------------------------------------------------------------------------------

const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), anyString);
const name = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 });
const i32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

/** Math values whose reals come from `real` (float32 values for single precision, any double for double). */
function mathValues(real: fc.Arbitrary<number>): fc.Arbitrary<Variant4>[] {
  const v2 = fc.tuple(real, real).map(([x, y]) => new Vector2(x, y));
  const v3 = fc.tuple(real, real, real).map(([x, y, z]) => new Vector3(x, y, z));
  const v4 = fc.tuple(real, real, real, real).map(([x, y, z, w]) => new Vector4(x, y, z, w));
  const basis = fc.array(real, { minLength: 9, maxLength: 9 }).map((e) => new Basis(e));
  return [
    v2,
    v3,
    v4,
    fc.tuple(real, real, real, real).map(([x, y, w, h]) => new Rect2(x, y, w, h)),
    fc.tuple(real, real, real, real).map(([x, y, z, d]) => new Plane(x, y, z, d)),
    fc.tuple(real, real, real, real).map(([x, y, z, w]) => new Quaternion(x, y, z, w)),
    fc.tuple(v2, v2, v2).map(([x, y, o]) => new Transform2D(x, y, o)),
    fc.tuple(v3, v3).map(([p, s]) => new AABB(p, s)),
    basis,
    fc.tuple(basis, v3).map(([b, o]) => new Transform3D(b, o)),
    fc.tuple(v4, v4, v4, v4).map(([x, y, z, w]) => new Projection(x, y, z, w)),
    fc.array(v2, { maxLength: 3 }).map((values) => new PackedVector2Array(values)),
    fc.array(v3, { maxLength: 3 }).map((values) => new PackedVector3Array(values)),
    fc.array(v4, { maxLength: 3 }).map((values) => new PackedVector4Array(values)),
  ];
}

const f32 = fc.float();
const color = fc.tuple(f32, f32, f32, f32).map(([r, g, b, a]) => new Color(r, g, b, a));
const containerType: fc.Arbitrary<ContainerType> = fc.oneof(
  fc.integer({ min: 0, max: 38 }).map((type) => ({ kind: 1 as const, type })),
  name.map((className) => ({ kind: 2 as const, className })),
  name.map((script) => ({ kind: 3 as const, script })),
);

const otherLeaves: fc.Arbitrary<Variant4>[] = [
  fc.constantFrom<Variant4>(null, undefined, true, false, new Callable()),
  i32,
  fc.maxSafeInteger(),
  fc.double().filter((d) => !Number.isInteger(d) || Number.isSafeInteger(d)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.double().map((d) => new Real(d)),
  text,
  text.map((t) => new StringName(t)),
  fc.tuple(i32, i32).map(([x, y]) => new Vector2i(x, y)),
  fc.tuple(i32, i32, i32).map(([x, y, z]) => new Vector3i(x, y, z)),
  fc.tuple(i32, i32, i32, i32).map(([x, y, z, w]) => new Vector4i(x, y, z, w)),
  fc.tuple(i32, i32, i32, i32).map(([x, y, w, h]) => new Rect2i(x, y, w, h)),
  color,
  fc
    .tuple(fc.array(name, { maxLength: 3 }), fc.array(name, { maxLength: 2 }), fc.boolean())
    .map(([names, subnames, absolute]) => new NodePath(names, subnames, absolute)),
  u64.map((id) => new RID(id)),
  u64.map((id) => new EncodedObjectAsID(id)),
  fc.tuple(u64, text).map(([id, n]) => new Signal(id, n)),
  fc.uint8Array({ maxLength: 9 }),
  fc.int32Array({ maxLength: 4 }),
  fc.bigInt64Array({ maxLength: 3 }),
  fc.float32Array({ maxLength: 4 }),
  fc.float64Array({ maxLength: 3 }),
  fc.array(text, { maxLength: 3 }).map((values) => new PackedStringArray(values)),
  fc.array(color, { maxLength: 3 }).map((values) => new PackedColorArray(values)),
];

function variants(real: fc.Arbitrary<number>): fc.Arbitrary<Variant4> {
  const leaf = fc.oneof(...otherLeaves, ...mathValues(real));
  return fc.letrec<{
    variant: Variant4;
    array: Variant4;
    typed: Variant4;
    map: Variant4;
    typedMap: Variant4;
    record: Variant4;
  }>((tie) => ({
    variant: fc.oneof(
      { maxDepth: 4, depthSize: 'small' },
      leaf,
      tie('array'),
      tie('typed'),
      tie('map'),
      tie('typedMap'),
      tie('record'),
    ),
    array: fc.array(tie('variant'), { maxLength: 4 }),
    typed: fc
      .tuple(containerType, fc.array(tie('variant'), { maxLength: 3 }))
      .map(([type, items]) => new TypedVariantArray(type, items)),
    map: fc.array(fc.tuple(tie('variant'), tie('variant')), { maxLength: 3 }).map((entries) => new Map(entries)),
    typedMap: fc
      .tuple(
        fc.option(containerType),
        fc.option(containerType),
        fc.array(fc.tuple(tie('variant'), tie('variant')), { maxLength: 3 }),
      )
      .map(([k, v, entries]) => new TypedVariantDictionary(k, v, entries)),
    record: fc.dictionary(text, tie('variant'), { maxKeys: 3 }),
  })).variant;
}

const single = variants(f32);
const double = variants(fc.double());

// ---- the decoded form a value must come back as ---------------------------------------------------

const canonicalText = (value: string): string => new TextDecoder().decode(new TextEncoder().encode(value));

function canonical(value: Variant4): Variant4 {
  if (value === undefined) return null;
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value === 'string') return canonicalText(value);
  if (value instanceof Real) return value.value;
  if (value instanceof StringName) return new StringName(canonicalText(value.value));
  if (value instanceof Signal) return new Signal(value.objectId, canonicalText(value.name));
  if (value instanceof NodePath) {
    // Each name is a Godot string: a leading U+FEFF is skipped on decoding, as Godot's parse_utf8 does.
    return new NodePath(value.names.map(canonicalText), value.subnames.map(canonicalText), value.absolute);
  }
  if (value instanceof PackedStringArray) return new PackedStringArray(value.values.map(canonicalText));
  if (value instanceof TypedVariantArray) {
    return new TypedVariantArray(value.elementType, (value as Variant4[]).map(canonical));
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof TypedVariantDictionary && (value.keyType !== null || value.valueType !== null)) {
    return canonicalMap(value.entries(), new TypedVariantDictionary(value.keyType, value.valueType));
  }
  if (value instanceof Map) return canonicalMap(value.entries(), new Map()); // untyped on the wire
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return canonicalMap(Object.entries(value as Record<string, Variant4>), new Map());
  }
  return value;
}

function canonicalMap<M extends Map<Variant4, Variant4>>(entries: Iterable<readonly [Variant4, Variant4]>, map: M): M {
  for (const [key, item] of entries) map.set(canonical(key), canonical(item));
  return map;
}

function containsUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (Array.isArray(value)) return value.some(containsUnsafeInteger);
  if (value instanceof Map) {
    for (const [key, item] of value) if (containsUnsafeInteger(key) || containsUnsafeInteger(item)) return true;
  }
  return false;
}

// ---- properties ----------------------------------------------------------------------------------

describe('Godot 4 codec properties', () => {
  it.each<[string, VariantCodec<Variant4>, fc.Arbitrary<Variant4>]>([
    ['single precision', godot4Codec, single],
    ['double precision', godot4DoubleCodec, double],
  ])('every value round-trips to its canonical decoded form (%s)', (_name, codec, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (value) => {
        const bytes = encodeVariantWith(codec, value);
        expect(bytes.length % 4).toBe(0);
        expect(decodeVariantWith(godot4Codec, bytes)).toStrictEqual({
          error: ErrorCode.OK,
          value: canonical(value),
          bytesRead: bytes.length,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('re-encoding a decoded value gives the same bytes (typed containers keep their headers)', () => {
    fc.assert(
      fc.property(single, (value) => {
        const decoded = decodeVariantWith(godot4Codec, encodeVariantWith(godot4Codec, value)).value as Variant4;
        fc.pre(!containsUnsafeInteger(decoded));
        const once = encodeVariantWith(godot4Codec, decoded);
        expect(encodeVariantWith(godot4Codec, decodeVariantWith(godot4Codec, once).value as Variant4)).toStrictEqual(
          once,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('values written back to back read back in order', () => {
    fc.assert(
      fc.property(fc.array(single, { maxLength: 5 }), fc.uint8Array({ maxLength: 7 }), (values, trailer) => {
        const parts = values.map((value) => encodeVariantWith(godot4Codec, value));
        const total = parts.reduce((sum, part) => sum + part.length, 0);
        const buffer = new Uint8Array(total + trailer.length);
        let offset = 0;
        for (const part of parts) {
          buffer.set(part, offset);
          offset += part.length;
        }
        buffer.set(trailer, offset);
        const reader = new ByteReader(buffer);
        for (const value of values) expect(readVariantWith(godot4Codec, reader)).toStrictEqual(canonical(value));
        expect(reader.pos).toBe(total);
      }),
      { numRuns: 100 },
    );
  });
});

// ---- totality --------------------------------------------------------------------------------------

/** Decodes through readVariantWith directly (no try/catch safety net) and through decodeVariantWith. */
function expectTotal(bytes: Uint8Array): ErrorCode {
  const reader = new ByteReader(bytes);
  const raw = readVariantWith(godot4Codec, reader);
  expect(reader.pos).toBeLessThanOrEqual(bytes.length);
  const result = decodeVariantWith(godot4Codec, bytes);
  expect([ErrorCode.OK, ErrorCode.ERR_INVALID_DATA]).toContain(result.error);
  if (result.error === ErrorCode.OK) {
    expect(raw).not.toBe(DECODE_FAILED);
    expect(result.bytesRead).toBeLessThanOrEqual(bytes.length);
  } else {
    expect(raw).toBe(DECODE_FAILED);
  }
  return result.error;
}

describe('Godot 4 decoding is total', () => {
  it('random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), (bytes) => void expectTotal(bytes)),
      { numRuns: 2000 },
    );
  });

  it('random bodies behind every header type and flag combination never throw', () => {
    const header = fc.tuple(fc.integer({ min: 0, max: 42 }), fc.integer({ min: 0, max: 15 }));
    const words = fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.nat(), fc.constant(0x80000002)), {
      maxLength: 16,
    });
    fc.assert(
      fc.property(header, words, fc.uint8Array({ maxLength: 8 }), ([type, flags], body, tail) => {
        const bytes = new Uint8Array(4 + body.length * 4 + tail.length);
        const view = new DataView(bytes.buffer);
        view.setUint32(0, type | (flags << 16), true);
        for (const [i, word] of body.entries()) view.setUint32(4 + i * 4, word, true);
        bytes.set(tail, 4 + body.length * 4);
        expectTotal(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('every truncation of a valid encoding fails, unless only trailing zero padding was cut', () => {
    fc.assert(
      fc.property(single, fc.nat(), (value, seed) => {
        const bytes = encodeVariantWith(godot4Codec, value);
        const cut = seed % bytes.length;
        if (expectTotal(bytes.subarray(0, cut)) === ErrorCode.OK) {
          expect(bytes.subarray(cut).every((byte) => byte === 0)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('bit flips and byte overwrites in a valid encoding never throw', () => {
    fc.assert(
      fc.property(
        single,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 }), fc.boolean(), fc.nat({ max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (value, edits) => {
          const bytes = encodeVariantWith(godot4Codec, value).slice();
          for (const [position, bit, overwrite, byte] of edits) {
            const at = position % bytes.length;
            bytes[at] = overwrite ? byte : bytes[at] ^ (1 << bit);
          }
          expectTotal(bytes);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

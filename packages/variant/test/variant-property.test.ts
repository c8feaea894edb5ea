import { ErrorCode } from '@wspeer/core';
import {
  AABB,
  Basis,
  ByteReader,
  Color,
  DECODE_FAILED,
  decodeVariant,
  encodeVariant,
  NodePath,
  Plane,
  PoolColorArray,
  PoolStringArray,
  PoolVector2Array,
  PoolVector3Array,
  Quat,
  Real,
  Rect2,
  RID,
  readVariant,
  Transform,
  Transform2D,
  type Variant,
  Vector2,
  Vector3,
} from '@wspeer/variant';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// ---- arbitraries -------------------------------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates included. */
const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), anyString);
/** Numbers the math types carry exactly: float32 values, with -0, NaN and ±Infinity. */
const f32 = fc.float();
const vector2 = fc.tuple(f32, f32).map(([x, y]) => new Vector2(x, y));
const vector3 = fc.tuple(f32, f32, f32).map(([x, y, z]) => new Vector3(x, y, z));
const color = fc.tuple(f32, f32, f32, f32).map(([r, g, b, a]) => new Color(r, g, b, a));
const name = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 });

const leaf: fc.Arbitrary<Variant> = fc.oneof(
  fc.constantFrom<Variant>(null, undefined, true, false, new RID()),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.maxSafeInteger(),
  fc.constantFrom(2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, -0, Number.MAX_SAFE_INTEGER),
  fc.double().filter((d) => !Number.isInteger(d) || Number.isSafeInteger(d)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.double().map((d) => new Real(d)),
  text,
  vector2,
  vector3,
  color,
  fc.tuple(f32, f32, f32, f32).map(([x, y, w, h]) => new Rect2(x, y, w, h)),
  fc.tuple(f32, f32, f32, f32).map(([x, y, z, d]) => new Plane(x, y, z, d)),
  fc.tuple(f32, f32, f32, f32).map(([x, y, z, w]) => new Quat(x, y, z, w)),
  fc.tuple(vector2, vector2, vector2).map(([x, y, o]) => new Transform2D(x, y, o)),
  fc.tuple(vector3, vector3).map(([p, s]) => new AABB(p, s)),
  fc.array(f32, { minLength: 9, maxLength: 9 }).map((e) => new Basis(e)),
  fc.tuple(fc.array(f32, { minLength: 9, maxLength: 9 }), vector3).map(([e, o]) => new Transform(new Basis(e), o)),
  fc
    .tuple(fc.array(name, { maxLength: 4 }), fc.array(name, { maxLength: 3 }), fc.boolean())
    .map(([names, subnames, absolute]) => new NodePath(names, subnames, absolute)),
  fc.uint8Array({ maxLength: 13 }),
  fc.int32Array({ maxLength: 6 }),
  fc.float32Array({ maxLength: 6 }),
  fc.array(text, { maxLength: 4 }).map((values) => new PoolStringArray(values)),
  fc.array(vector2, { maxLength: 4 }).map((values) => new PoolVector2Array(values)),
  fc.array(vector3, { maxLength: 4 }).map((values) => new PoolVector3Array(values)),
  fc.array(color, { maxLength: 4 }).map((values) => new PoolColorArray(values)),
);

const { variant } = fc.letrec<{ variant: Variant; array: Variant; map: Variant; record: Variant }>((tie) => ({
  variant: fc.oneof({ maxDepth: 4, depthSize: 'small' }, leaf, tie('array'), tie('map'), tie('record')),
  array: fc.array(tie('variant'), { maxLength: 5 }),
  map: fc.array(fc.tuple(tie('variant'), tie('variant')), { maxLength: 4 }).map((entries) => new Map(entries)),
  record: fc.dictionary(text, tie('variant'), { maxKeys: 4 }),
}));

// ---- the decoded form a value must come back as --------------------------------------------------

/** How a string comes back: lone surrogates were sent as U+FFFD, and a leading BOM is dropped (as Godot does). */
const canonicalText = (value: string): string => new TextDecoder().decode(new TextEncoder().encode(value));

function canonical(value: Variant): Variant {
  if (value === undefined) return null;
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value === 'string') return canonicalText(value);
  if (value instanceof Real) return value.value;
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof PoolStringArray) return new PoolStringArray(value.values.map(canonicalText));
  if (value instanceof Map) return canonicalMap(value.entries());
  if (value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return canonicalMap(Object.entries(value as Record<string, Variant>));
  }
  if (value !== null && Object.getPrototypeOf(value) === null) {
    return canonicalMap(Object.entries(value as Record<string, Variant>));
  }
  return value;
}

/** Rebuilt with Map.set, so keys that become equal (1 and 1n, "\uFEFFa" and "a") merge as in the decoder. */
function canonicalMap(entries: Iterable<readonly [Variant, Variant]>): Map<Variant, Variant> {
  const map = new Map<Variant, Variant>();
  for (const [key, item] of entries) map.set(canonical(key), canonical(item));
  return map;
}

function containsUnsafeInteger(value: Variant): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (Array.isArray(value)) return value.some(containsUnsafeInteger);
  if (value instanceof Map) {
    for (const [key, item] of value) if (containsUnsafeInteger(key) || containsUnsafeInteger(item)) return true;
  }
  return false;
}

const isSafeBigInt = (value: bigint): boolean => Number.isSafeInteger(Number(value)) && BigInt(Number(value)) === value;

// ---- properties ----------------------------------------------------------------------------------

describe('Variant codec properties', () => {
  it('every value round-trips to its canonical decoded form, and bytesRead is the whole encoding', () => {
    fc.assert(
      fc.property(variant, (value) => {
        const bytes = encodeVariant(value);
        expect(bytes.length % 4).toBe(0);
        const result = decodeVariant(bytes);
        expect(result).toStrictEqual({ error: ErrorCode.OK, value: canonical(value), bytesRead: bytes.length });
      }),
      { numRuns: 400 },
    );
  });

  it('re-encoding a decoded value is stable (decode . encode is idempotent on bytes)', () => {
    fc.assert(
      fc.property(variant, (value) => {
        const decoded = decodeVariant(encodeVariant(value)).value;
        // A REAL such as 2^60 decodes to an integral number beyond 2^53, which encodes as neither INT nor REAL.
        fc.pre(!containsUnsafeInteger(decoded));
        const once = encodeVariant(decoded);
        const twice = encodeVariant(decodeVariant(once).value);
        expect(twice).toStrictEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('bigints in int64 decode to a number exactly when they are safe', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (value) => {
        const decoded = decodeVariant(encodeVariant(value)).value;
        expect(decoded).toBe(isSafeBigInt(value) ? Number(value) : value);
      }),
    );
  });

  it('Variants appended back to back read back in order from one buffer', () => {
    fc.assert(
      fc.property(fc.array(variant, { maxLength: 6 }), fc.uint8Array({ maxLength: 7 }), (values, trailer) => {
        const parts = values.map((value) => encodeVariant(value));
        const total = parts.reduce((sum, part) => sum + part.length, 0);
        const buffer = new Uint8Array(total + trailer.length);
        let offset = 0;
        for (const part of parts) {
          buffer.set(part, offset);
          offset += part.length;
        }
        buffer.set(trailer, offset);
        const reader = new ByteReader(buffer);
        for (const value of values) expect(readVariant(reader)).toStrictEqual(canonical(value));
        expect(reader.pos).toBe(total);
      }),
      { numRuns: 100 },
    );
  });
});

// ---- totality --------------------------------------------------------------------------------------

/** Decodes through readVariant directly (which has no try/catch safety net) and through decodeVariant. */
function expectTotal(bytes: Uint8Array): ErrorCode {
  const reader = new ByteReader(bytes);
  const raw = readVariant(reader);
  expect(reader.pos).toBeLessThanOrEqual(bytes.length);
  const result = decodeVariant(bytes);
  expect([ErrorCode.OK, ErrorCode.ERR_INVALID_DATA]).toContain(result.error);
  if (result.error === ErrorCode.OK) {
    expect(raw).not.toBe(DECODE_FAILED);
    expect(result.bytesRead).toBeLessThanOrEqual(bytes.length);
  } else {
    expect(raw).toBe(DECODE_FAILED);
    expect(result).toStrictEqual({ error: ErrorCode.ERR_INVALID_DATA, value: null, bytesRead: 0 });
  }
  return result.error;
}

describe('decoding is total', () => {
  it('random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), (bytes) => void expectTotal(bytes)),
      { numRuns: 2000 },
    );
  });

  it('random bodies behind every header type never throw', () => {
    const header = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean());
    const words = fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.nat(), fc.constant(0x80000002)), {
      maxLength: 16,
    });
    fc.assert(
      fc.property(header, words, fc.uint8Array({ maxLength: 8 }), ([type, flag], body, tail) => {
        const bytes = new Uint8Array(4 + body.length * 4 + tail.length);
        const view = new DataView(bytes.buffer);
        view.setUint32(0, type | (flag ? 0x10000 : 0), true);
        for (const [i, word] of body.entries()) view.setUint32(4 + i * 4, word, true);
        bytes.set(tail, 4 + body.length * 4);
        expectTotal(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('every truncation of a valid encoding fails, unless only trailing zero padding was cut', () => {
    fc.assert(
      fc.property(variant, fc.nat(), (value, seed) => {
        const bytes = encodeVariant(value);
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
        variant,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 }), fc.boolean(), fc.nat({ max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (value, edits) => {
          const bytes = encodeVariant(value).slice();
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

  it('a header claiming 2^31 array elements in a 16-byte input fails at once', () => {
    const bytes = new Uint8Array(16);
    new DataView(bytes.buffer).setUint32(0, 19, true);
    new DataView(bytes.buffer).setUint32(4, 0x80000000 | 0x7fffffff, true);
    const started = performance.now();
    expect(expectTotal(bytes)).toBe(ErrorCode.ERR_INVALID_DATA);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

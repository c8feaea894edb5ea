import { ErrorCode } from '@wspeer/core';
import {
  AABB,
  Basis,
  Color,
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
  Transform,
  Transform2D,
  type Variant,
  VariantError,
  VariantType,
  Vector2,
  Vector3,
} from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

/** [name, value, golden bytes (from the §3.5 layout table), decoded value when it differs]. */
const golden: Array<[string, Variant, string, Variant?]> = [
  ['NIL (null)', null, '00000000'],
  ['NIL (undefined)', undefined, '00000000', null],
  ['BOOL false', false, '01000000 00000000'],
  ['BOOL true', true, '01000000 01000000'],
  ['INT 0', 0, '02000000 00000000'],
  ['INT -1', -1, '02000000 ffffffff'],
  ['INT bigint 5n', 5n, '02000000 05000000', 5],
  ['REAL 1.5', 1.5, '03000000 0000c03f'],
  ['REAL Real(3)', new Real(3), '03000000 00004040', 3],
  ['REAL -Infinity', Number.NEGATIVE_INFINITY, '03000000 000080ff'],
  ['STRING ""', '', '04000000 00000000'],
  ['STRING "abcd" (no pad)', 'abcd', '04000000 04000000 61626364'],
  ['STRING "é" (2 pad)', 'é', '04000000 02000000 c3a90000'],
  ['STRING "😀" (4-byte UTF-8)', '😀', '04000000 04000000 f09f9880'],
  ['STRING with NUL', 'a\0b', '04000000 03000000 61006200'],
  ['VECTOR2', new Vector2(1.5, -2), '05000000 0000c03f 000000c0'],
  ['RECT2', new Rect2(1, 2, 3, 4), '06000000 0000803f 00000040 00004040 00008040'],
  ['VECTOR3', new Vector3(1, 2, 3), '07000000 0000803f 00000040 00004040'],
  [
    'TRANSFORM2D',
    new Transform2D(new Vector2(1, 0), new Vector2(0, 1), new Vector2(5, -1)),
    '08000000 0000803f 00000000 00000000 0000803f 0000a040 000080bf',
  ],
  ['PLANE', new Plane(0, 1, 0, 5), '09000000 00000000 0000803f 00000000 0000a040'],
  ['QUAT identity', new Quat(), '0a000000 00000000 00000000 00000000 0000803f'],
  [
    'AABB',
    new AABB(new Vector3(1, 2, 3), new Vector3(4, 5, 6)),
    '0b000000 0000803f 00000040 00004040 00008040 0000a040 0000c040',
  ],
  [
    'BASIS (rows 1 2 3 / 4 5 6 / 7 8 9)',
    new Basis([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    '0c000000 0000803f 00000040 00004040 00008040 0000a040 0000c040 0000e040 00000041 00001041',
  ],
  [
    'TRANSFORM',
    new Transform(new Basis(), new Vector3(1, 2, 3)),
    '0d000000 0000803f 00000000 00000000 00000000 0000803f 00000000 00000000 00000000 0000803f 0000803f 00000040 00004040',
  ],
  ['COLOR', new Color(1, 0.5, 0, 1), '0e000000 0000803f 0000003f 00000000 0000803f'],
  [
    'NODE_PATH absolute with subnames',
    NodePath.parse('/root/a/b:prop:sub'),
    '0f000000 03000080 02000000 01000000 04000000 726f6f74 01000000 61000000 01000000 62000000 04000000 70726f70 03000000 73756200',
  ],
  [
    'NODE_PATH relative',
    new NodePath(['Main', 'Panel']),
    '0f000000 02000080 00000000 00000000 04000000 4d61696e 05000000 50616e65 6c000000',
  ],
  ['NODE_PATH empty', new NodePath(), '0f000000 00000080 00000000 00000000'],
  ['_RID', new RID(), '10000000'],
  ['DICTIONARY empty Map', new Map(), '12000000 00000000'],
  [
    'DICTIONARY plain object',
    { a: 1, b: [true] },
    '12000000 02000000 04000000 01000000 61000000 02000000 01000000 04000000 01000000 62000000 13000000 01000000 01000000 01000000',
    new Map<Variant, Variant>([
      ['a', 1],
      ['b', [true]],
    ]),
  ],
  [
    'DICTIONARY Variant keys',
    new Map<Variant, Variant>([
      [new Vector2(1, 2), null],
      [false, 'x'],
    ]),
    '12000000 02000000 05000000 0000803f 00000040 00000000 01000000 00000000 04000000 01000000 78000000',
  ],
  ['ARRAY empty', [], '13000000 00000000'],
  ['ARRAY nested', [[], [null]], '13000000 02000000 13000000 00000000 13000000 01000000 00000000'],
  ['POOL_BYTE_ARRAY empty', new Uint8Array(0), '14000000 00000000'],
  ['POOL_BYTE_ARRAY 4 (no pad)', new Uint8Array([1, 2, 3, 4]), '14000000 04000000 01020304'],
  ['POOL_BYTE_ARRAY 6 (2 pad)', new Uint8Array([1, 2, 3, 4, 5, 6]), '14000000 06000000 01020304 05060000'],
  ['POOL_INT_ARRAY', Int32Array.of(1, -1, 0x7fffffff), '15000000 03000000 01000000 ffffffff ffffff7f'],
  ['POOL_REAL_ARRAY', Float32Array.of(0.5, -2), '16000000 02000000 0000003f 000000c0'],
  [
    'POOL_STRING_ARRAY (NUL counted in each length)',
    new PoolStringArray(['ab', 'abc', '']),
    '17000000 03000000 03000000 61620000 04000000 61626300 01000000 00000000',
  ],
  ['POOL_STRING_ARRAY non-ASCII', new PoolStringArray(['hé']), '17000000 01000000 04000000 68c3a900'],
  ['POOL_VECTOR2_ARRAY', new PoolVector2Array([new Vector2(1, 2)]), '18000000 01000000 0000803f 00000040'],
  [
    'POOL_VECTOR3_ARRAY',
    new PoolVector3Array([new Vector3(1, 2, 3), new Vector3()]),
    '19000000 02000000 0000803f 00000040 00004040 00000000 00000000 00000000',
  ],
  [
    'POOL_COLOR_ARRAY',
    new PoolColorArray([new Color(1, 0, 0)]),
    '1a000000 01000000 0000803f 00000000 00000000 0000803f',
  ],
];

describe('golden bytes per type', () => {
  it.each(golden)('%s encodes to its golden bytes', (_name, value, bytes) => {
    expect(hex(encodeVariant(value))).toBe(hex(fromHex(bytes)));
  });

  it.each(golden)('%s decodes from its golden bytes', (...row) => {
    const [, value, bytes] = row;
    const expected = row.length > 3 ? row[3] : value;
    const encoded = fromHex(bytes);
    expect(decodeVariant(encoded)).toStrictEqual({ error: ErrorCode.OK, value: expected, bytesRead: encoded.length });
  });

  it('covers every Variant type except OBJECT', () => {
    const types = new Set(golden.map(([, , bytes]) => fromHex(bytes)[0]));
    const expected = Object.values(VariantType).filter((type) => type !== VariantType.OBJECT);
    expect([...types].sort((a, b) => a - b)).toStrictEqual(expected);
  });
});

describe('encoding details', () => {
  it('sends floats inside math types as float32 (rounded)', () => {
    const decoded = decodeVariant(encodeVariant(new Vector2(0.1, -0))).value;
    expect(decoded).toStrictEqual(new Vector2(Math.fround(0.1), -0));
  });

  it('writes lone surrogates as U+FFFD, like TextEncoder', () => {
    expect(hex(encodeVariant('\ud800'))).toBe('0400000003000000efbfbd00');
    expect(decodeVariant(encodeVariant('a\udc00b')).value).toBe('a\ufffdb');
  });

  it('encodes plain object keys in Object.keys order and null-prototype objects too', () => {
    const record = Object.assign(Object.create(null) as Record<string, Variant>, { z: 1, 2: 2, a: 3 });
    expect(decodeVariant(encodeVariant(record)).value).toStrictEqual(
      new Map<Variant, Variant>([
        ['2', 2],
        ['z', 1],
        ['a', 3],
      ]),
    );
  });

  it('accepts subclasses of the supported classes (e.g. Node Buffer-like Uint8Array subclasses)', () => {
    class Bytes extends Uint8Array {}
    class Point extends Vector2 {}
    expect(hex(encodeVariant(new Bytes([9])))).toBe('140000000100000009000000');
    expect(hex(encodeVariant(new Point(1, 2)))).toBe('050000000000803f00000040');
  });

  it('encodes a structure that reuses (but does not contain) a container', () => {
    const shared = [1];
    expect(decodeVariant(encodeVariant([shared, shared, new Map([[shared, shared]])])).value).toStrictEqual([
      [1],
      [1],
      new Map([[[1], [1]]]),
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    ['a function', () => 1, /a function/],
    ['a symbol', Symbol('s'), /a symbol/],
    ['an unknown class', new Date(0), /instance of Date/],
    ['a Float64Array', new Float64Array(1), /instance of Float64Array/],
    ['a Uint8ClampedArray', new Uint8ClampedArray(1), /instance of Uint8ClampedArray/],
    ['a function nested in a dictionary', { f: () => 1 }, /a function/],
    ['an integer number beyond 2^53', 2 ** 53, /beyond 2\^53.*bigint/],
    ['a bigint beyond int64', 2n ** 63n, /int64/],
  ])('refuses %s with a VariantError (ERR_INVALID_PARAMETER)', (_name, value, message) => {
    const attempt = () => encodeVariant(value as Variant);
    expect(attempt).toThrow(VariantError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as VariantError).code).toBe(ErrorCode.ERR_INVALID_PARAMETER);
      expect((error as VariantError).name).toBe('VariantError');
    }
  });

  it('names the class of an instance it cannot encode in className (nested too), and only then', () => {
    const className = (value: unknown) => {
      try {
        encodeVariant(value as Variant);
      } catch (error) {
        return (error as VariantError).className;
      }
      throw new Error('encoded');
    };
    expect(className(new Date(0))).toBe('Date');
    expect(className([1, new Map([['k', new Float64Array(1)]])])).toBe('Float64Array');
    // A prototype without a named constructor.
    expect(className(Object.create(Object.create(null)))).toBe('');
    expect(className(() => 1)).toBeUndefined();
    expect(className(2 ** 53)).toBeUndefined();
  });

  it('refuses cyclic arrays, maps and objects', () => {
    const array: Variant[] = [];
    array.push([array]);
    const map = new Map<Variant, Variant>();
    map.set('self', map);
    const record: Record<string, Variant> = {};
    record.inner = { record };
    for (const value of [array, map, record]) expect(() => encodeVariant(value)).toThrow(/cyclic/);
  });

  it('refuses nesting deeper than 256 containers and accepts 256', () => {
    const nest = (levels: number): Variant => {
      let value: Variant = [];
      for (let i = 1; i < levels; i++) value = [value];
      return value;
    };
    expect(() => encodeVariant(nest(256))).not.toThrow();
    expect(() => encodeVariant(nest(257))).toThrow(/deeper than 256/);
  });
});

describe('value classes', () => {
  it('NodePath.parse follows Godot 3 NodePath(String)', () => {
    const cases: ReadonlyArray<readonly [string, string[], string[], boolean, string]> = [
      ['/root/a/b:prop:sub', ['root', 'a', 'b'], ['prop', 'sub'], true, '/root/a/b:prop:sub'],
      ['Main/Panel', ['Main', 'Panel'], [], false, 'Main/Panel'],
      ['a//b/', ['a', 'b'], [], false, 'a/b'],
      ['.:position', ['.'], ['position'], false, '.:position'],
      [':x', [], ['x'], false, ':x'],
      ['node:', ['node'], [], false, 'node'],
      ['/', [], [], true, '/'],
      ['', [], [], false, ''],
    ];
    for (const [text, names, subnames, absolute, printed] of cases) {
      const path = NodePath.parse(text);
      expect(path).toStrictEqual(new NodePath(names, subnames, absolute));
      expect(path.toString()).toBe(printed);
    }
    expect(NodePath.parse('').isEmpty()).toBe(true);
    expect(NodePath.parse('/').isEmpty()).toBe(false);
  });

  it('NodePath.parse rejects an empty subname like Godot', () => {
    expect(() => NodePath.parse('a::b')).toThrow(VariantError);
  });

  it('composite helpers agree with the stored numbers', () => {
    expect(Rect2.fromPositionSize(new Vector2(1, 2), new Vector2(3, 4))).toStrictEqual(new Rect2(1, 2, 3, 4));
    expect(new Rect2(1, 2, 3, 4).position).toStrictEqual(new Vector2(1, 2));
    expect(new Rect2(1, 2, 3, 4).size).toStrictEqual(new Vector2(3, 4));
    expect(Plane.fromNormal(new Vector3(0, 1, 0), 5)).toStrictEqual(new Plane(0, 1, 0, 5));
    expect(new Plane(0, 1, 0, 5).normal).toStrictEqual(new Vector3(0, 1, 0));
    const basis = Basis.fromAxes(new Vector3(1, 2, 3), new Vector3(4, 5, 6), new Vector3(7, 8, 9));
    expect(basis.elements).toStrictEqual([1, 4, 7, 2, 5, 8, 3, 6, 9]);
    expect(basis.axis(1)).toStrictEqual(new Vector3(4, 5, 6));
    expect(basis.row(0)).toStrictEqual(new Vector3(1, 4, 7));
    expect(() => new Basis([1, 2])).toThrow(RangeError);
    expect(new Transform2D()).toStrictEqual(new Transform2D(new Vector2(1, 0), new Vector2(0, 1), new Vector2(0, 0)));
    expect(+new Real(2.5)).toBe(2.5);
  });

  it('toString names the type and its numbers', () => {
    expect(String(new Vector2(1.5, -2))).toBe('Vector2(1.5, -2)');
    expect(String(new Rect2(1, 2, 3, 4))).toBe('Rect2(1, 2, 3, 4)');
    expect(String(new AABB(new Vector3(1, 2, 3), new Vector3(4, 5, 6)))).toBe(
      'AABB(Vector3(1, 2, 3), Vector3(4, 5, 6))',
    );
    expect(String(new Transform())).toBe(
      'Transform(Basis(Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, 1)), Vector3(0, 0, 0))',
    );
    expect(String(new Transform2D())).toBe('Transform2D(Vector2(1, 0), Vector2(0, 1), Vector2(0, 0))');
    expect(String(new Plane(0, 1, 0, 5))).toBe('Plane(0, 1, 0, 5)');
    expect(String(new Quat())).toBe('Quat(0, 0, 0, 1)');
    expect(String(new Color(1, 0, 0))).toBe('Color(1, 0, 0, 1)');
    expect(String(new RID())).toBe('RID()');
    expect(String(new Real(3))).toBe('Real(3)');
    expect(String(new PoolStringArray(['a', 'b"']))).toBe('PoolStringArray("a", "b\\"")');
    expect(String(new PoolVector2Array([new Vector2(1, 2)]))).toBe('PoolVector2Array(Vector2(1, 2))');
    expect(String(new PoolVector3Array([]))).toBe('PoolVector3Array()');
    expect(String(new PoolColorArray([new Color()]))).toBe('PoolColorArray(Color(0, 0, 0, 1))');
  });
});

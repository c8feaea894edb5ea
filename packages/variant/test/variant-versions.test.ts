import { ErrorCode } from '@wspeer/core';
import {
  Color,
  decodeVariant,
  decodeVariantWith,
  EncodedObjectAsID,
  encodeVariant,
  encodeVariantWith,
  godot3Codec,
  godot4Codec,
  NodePath,
  PackedStringArray,
  PoolStringArray,
  Quat,
  Quaternion,
  Rect2,
  RID,
  Signal,
  StringName,
  Transform,
  Transform3D,
  TypedVariantArray,
  TypedVariantDictionary,
  type Variant,
  type Variant4,
  VariantError,
  VariantType,
  VariantType4,
  Vector2,
  Vector2i,
} from '@wspeer/variant';
import { describe, expect, it } from 'vitest';
import { hex } from './variant4-values.js';

const enc3 = (value: unknown) => hex(encodeVariant(value as Variant));
const enc4 = (value: unknown) => hex(encodeVariantWith(godot4Codec, value as Variant4));

describe('one machinery, two type tables', () => {
  it('writes the shared classes with each version its own id', () => {
    expect(enc3(new Rect2(1, 2, 3, 4)).slice(0, 8)).toBe('06000000');
    expect(enc4(new Rect2(1, 2, 3, 4)).slice(0, 8)).toBe('07000000');
    expect(enc3(new Color()).slice(0, 8)).toBe('0e000000');
    expect(enc4(new Color()).slice(0, 8)).toBe('14000000');
    expect(enc3(new NodePath(['a'])).slice(0, 8)).toBe('0f000000');
    expect(enc4(new NodePath(['a'])).slice(0, 8)).toBe('16000000');
    expect(enc3(new Map()).slice(0, 8)).toBe('12000000');
    expect(enc4(new Map()).slice(0, 8)).toBe('1b000000');
    expect(enc3([]).slice(0, 8)).toBe('13000000');
    expect(enc4([]).slice(0, 8)).toBe('1c000000');
    // Same ids in both: NIL, BOOL, INT, FLOAT, STRING, VECTOR2.
    for (const value of [null, true, 7, 0.5, 'x', new Vector2(1, 2)]) expect(enc4(value)).toBe(enc3(value));
    expect(VariantType.COLOR).toBe(14);
    expect(VariantType4.COLOR).toBe(20);
  });

  it('sends an RID id in Godot 4 only (Godot 3 sends the header alone)', () => {
    expect(enc3(new RID(5n))).toBe('10000000');
    expect(enc4(new RID(5n))).toBe('170000000500000000000000');
    expect(decodeVariant(encodeVariant(new RID(5n))).value).toStrictEqual(new RID());
  });

  it('sends typed containers as plain ones to Godot 3, which has none', () => {
    expect(enc3(new TypedVariantArray({ kind: 1, type: 2 }, [1]))).toBe(enc3([1]));
    expect(enc3(new TypedVariantDictionary({ kind: 1, type: 4 }, null, [['a', 1]]))).toBe(enc3(new Map([['a', 1]])));
  });

  it.each<[string, unknown, RegExp]>([
    ['Quat', new Quat(), /instance of Quat as a Godot 4 Variant/],
    ['Transform', new Transform(), /instance of Transform as a Godot 4 Variant/],
    ['PoolStringArray', new PoolStringArray(), /instance of PoolStringArray as a Godot 4 Variant/],
  ])('refuses the Godot 3 class %s in Godot 4', (_name, value, message) => {
    expect(() => enc4(value)).toThrow(message);
  });

  it.each<[string, unknown, RegExp]>([
    ['Quaternion', new Quaternion(), /instance of Quaternion as a Godot 3 Variant/],
    ['Transform3D', new Transform3D(), /instance of Transform3D as a Godot 3 Variant/],
    ['StringName', new StringName('a'), /instance of StringName as a Godot 3 Variant/],
    ['Vector2i', new Vector2i(), /instance of Vector2i as a Godot 3 Variant/],
    ['PackedStringArray', new PackedStringArray(), /instance of PackedStringArray as a Godot 3 Variant/],
    ['BigInt64Array', new BigInt64Array(1), /instance of BigInt64Array as a Godot 3 Variant/],
    ['Float64Array', new Float64Array(1), /instance of Float64Array as a Godot 3 Variant/],
  ])('refuses the Godot 4 class %s in Godot 3', (_name, value, message) => {
    expect(() => enc3(value)).toThrow(message);
  });

  it('reads the same bytes as different types in each version (type ids differ from 5 on)', () => {
    const bytes = encodeVariant(new Rect2(1, 2, 3, 4));
    expect(decodeVariant(bytes).value).toStrictEqual(new Rect2(1, 2, 3, 4));
    expect(decodeVariantWith(godot4Codec, bytes).value).toStrictEqual(new Vector2i(0x3f800000, 0x40000000));
    expect(godot3Codec.version).toBe(3);
    expect(godot4Codec.version).toBe(4);
  });
});

describe('Godot 4 encoding refusals (VariantError, ERR_INVALID_PARAMETER, nothing written)', () => {
  it.each<[string, unknown, RegExp]>([
    ['a negative RID id', new RID(-1n), /an RID id -1/],
    ['an RID id beyond uint64', new RID(2n ** 64n), /an RID id 18446744073709551616/],
    ['an RID id that is a number', new RID(5 as unknown as bigint), /an RID id 5 \(ids are bigints/],
    ['a negative object id', new EncodedObjectAsID(-1n), /an object id -1/],
    ['a Signal object id beyond uint64', new Signal(2n ** 64n, 'a'), /a Signal object id/],
    ['a built-in container type >= 39', new TypedVariantArray({ kind: 1, type: 39 }), /container type/],
    ['a container type of kind 5', new TypedVariantArray({ kind: 5 } as never), /container type/],
    [
      'a class-name container type without a name',
      new TypedVariantDictionary(null, { kind: 2 } as never),
      /container type/,
    ],
  ])('%s', (_name, value, message) => {
    expect(() => enc4(value)).toThrow(message);
    try {
      enc4(value);
    } catch (error) {
      expect(error).toBeInstanceOf(VariantError);
      expect((error as VariantError).code).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    }
  });
});

describe('typed containers in JS', () => {
  it('TypedVariantArray is an Array whose derived arrays are plain', () => {
    const ints = new TypedVariantArray<number>({ kind: 1, type: VariantType4.INT }, [1, 2, 3]);
    expect(Array.isArray(ints)).toBe(true);
    expect(ints.length).toBe(3);
    expect([...ints]).toStrictEqual([1, 2, 3]);
    const doubled = ints.map((n) => n * 2);
    expect(doubled).toStrictEqual([2, 4, 6]);
    expect(doubled).not.toBeInstanceOf(TypedVariantArray);
    expect(ints.filter((n) => n > 1)).toStrictEqual([2, 3]);
  });

  it('TypedVariantDictionary is a Map with its key and value types', () => {
    const dict = new TypedVariantDictionary<string, number>({ kind: 1, type: 4 }, { kind: 1, type: 2 }, [['a', 1]]);
    expect(dict).toBeInstanceOf(Map);
    expect(dict.get('a')).toBe(1);
    expect(dict.keyType).toStrictEqual({ kind: 1, type: 4 });
  });

  it('a typed container with no type is sent untyped', () => {
    expect(enc4(new TypedVariantArray(null, [1]))).toBe(enc4([1]));
    expect(enc4(new TypedVariantDictionary(null, null, [['a', 1]]))).toBe(enc4(new Map([['a', 1]])));
  });
});

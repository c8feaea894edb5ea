import {
  AABB,
  type ArgType,
  argTypeId,
  Basis,
  Color,
  coerceArg,
  fitsArgType,
  godot3Codec,
  godot3CoreCodec,
  godot3PoolIntArray,
  godot3Vector2,
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
  VariantBytes,
  Vector2,
  Vector3,
  withTypes,
} from '@wspeer/rpc';
import { describe, expect, it } from 'vitest';

/** Every declarable Godot 3 type but Variant, with its `core/variant.h` id. */
const IDS: [ArgType, number][] = [
  ['Nil', 0],
  ['bool', 1],
  ['int', 2],
  ['float', 3],
  ['String', 4],
  ['Vector2', 5],
  ['Rect2', 6],
  ['Vector3', 7],
  ['Transform2D', 8],
  ['Plane', 9],
  ['Quat', 10],
  ['AABB', 11],
  ['Basis', 12],
  ['Transform', 13],
  ['Color', 14],
  ['NodePath', 15],
  ['RID', 16],
  ['Dictionary', 18],
  ['Array', 19],
  ['PoolByteArray', 20],
  ['PoolIntArray', 21],
  ['PoolRealArray', 22],
  ['PoolStringArray', 23],
  ['PoolVector2Array', 24],
  ['PoolVector3Array', 25],
  ['PoolColorArray', 26],
];

/** A decoded value of each type (as godot3Codec decodes them), by type name. */
const VALUES: [ArgType, unknown][] = [
  ['Nil', null],
  ['bool', true],
  ['int', 2n],
  ['float', 1.5],
  ['String', 'x'],
  ['Vector2', new Vector2()],
  ['Rect2', new Rect2()],
  ['Vector3', new Vector3()],
  ['Transform2D', new Transform2D()],
  ['Plane', new Plane()],
  ['Quat', new Quat()],
  ['AABB', new AABB()],
  ['Basis', new Basis()],
  ['Transform', new Transform()],
  ['Color', new Color()],
  ['NodePath', new NodePath(['a', 'b'])],
  ['RID', new RID()],
  ['Dictionary', new Map()],
  ['Array', []],
  ['PoolByteArray', new Uint8Array(1)],
  ['PoolIntArray', new Int32Array(1)],
  ['PoolRealArray', new Float32Array(1)],
  ['PoolStringArray', new PoolStringArray([])],
  ['PoolVector2Array', new PoolVector2Array([])],
  ['PoolVector3Array', new PoolVector3Array([])],
  ['PoolColorArray', new PoolColorArray([])],
];

const CORE: ArgType[] = ['Nil', 'bool', 'int', 'float', 'String', 'Dictionary', 'Array'];
const what = "RPC on Main 'f'";

describe('declared Godot 3 argument types', () => {
  it('resolves every Godot 3 type name to its type id with a codec that decodes it', () => {
    expect(argTypeId('Variant', godot3CoreCodec, what)).toBe(-1);
    for (const [type, id] of IDS) expect(argTypeId(type, godot3Codec, what)).toBe(id);
    for (const type of CORE) expect(argTypeId(type, godot3CoreCodec, what)).toBe(IDS.find(([t]) => t === type)?.[1]);
    expect(argTypeId('Vector2', withTypes(godot3CoreCodec, godot3Vector2), what)).toBe(5);
    expect(argTypeId('PoolIntArray', withTypes(godot3CoreCodec, godot3PoolIntArray), what)).toBe(21);
  });

  it('throws naming the opt-in entry for each type the codec does not decode', () => {
    for (const [type] of IDS) {
      if (CORE.includes(type)) continue;
      expect(() => argTypeId(type, godot3CoreCodec, what)).toThrow(
        `${what}: the codec does not decode ${type}; give MultiplayerAPI codec: godot3Codec, or withTypes(godot3CoreCodec, godot3${type}).`,
      );
    }
    expect(() => argTypeId('Color', withTypes(godot3CoreCodec, godot3Vector2), what)).toThrow(/godot3Color\)\.$/);
  });

  it('throws for a name that is no Godot 3 type, whatever the codec', () => {
    const unknown = [
      'Pool',
      '',
      'vector2',
      'Vector2i',
      'Quaternion',
      'Transform3D',
      'PackedByteArray',
      'Uint8Array',
      'Int32Array',
      'Float32Array',
      'Real',
      'Map',
      'Object',
      'toString',
    ];
    for (const codec of [godot3Codec, godot3CoreCodec]) {
      for (const type of unknown) {
        expect(() => argTypeId(type as ArgType, codec, what)).toThrow(`${what}: unknown type "${type}".`);
      }
    }
  });

  it('fits each decoded value to its own type only (numbers: whole ones fit int and float, others float)', () => {
    for (const [declared, id] of IDS) {
      for (const [type, value] of VALUES) {
        const fits = type === declared || (declared === 'float' && type === 'int' && typeof value === 'number');
        expect(fitsArgType(value, id, godot3Codec), `${type} as ${declared}`).toBe(fits);
      }
      expect(fitsArgType(3, id, godot3Codec), `3 as ${declared}`).toBe(declared === 'int' || declared === 'float');
      expect(fitsArgType(-0.5, id, godot3Codec), `-0.5 as ${declared}`).toBe(declared === 'float');
      expect(fitsArgType(2n, id, godot3Codec), `2n as ${declared}`).toBe(declared === 'int');
      expect(fitsArgType(new VariantBytes(new Uint8Array(8)), id, godot3CoreCodec)).toBe(false);
      expect(fitsArgType(undefined, id, godot3Codec)).toBe(false);
    }
    for (const [, value] of VALUES) expect(fitsArgType(value, -1, godot3CoreCodec)).toBe(true);
    // An instance of a class the codec does not carry fits no class type of it.
    expect(fitsArgType(new Vector2(), 5, godot3CoreCodec)).toBe(false);
    expect(fitsArgType(new Vector2(), 5, withTypes(godot3CoreCodec, godot3Vector2))).toBe(true);
  });

  it('coerces a number declared float to Real, and nothing else', () => {
    expect(coerceArg(3, 3)).toStrictEqual(new Real(3));
    const real = new Real(2);
    expect(coerceArg(real, 3)).toBe(real);
    expect(coerceArg(3, 2)).toBe(3);
    expect(coerceArg(3, -1)).toBe(3);
    expect(coerceArg(3, undefined)).toBe(3);
    expect(coerceArg('3', 3)).toBe('3');
  });
});

describe('the opt-in hint of a type or class', () => {
  it('names the entry of each Godot 3 type and pool class, and nothing for the rest', async () => {
    const { optIn } = await import('../src/api/arg-type.js');
    for (const [type, id] of IDS) {
      const entry = `codec: godot3Codec, or withTypes(godot3CoreCodec, godot3${type})`;
      expect(optIn(type), type).toBe(id > 4 && id < 18 ? entry : id > 19 ? entry : '');
    }
    for (const [cls, type] of [
      ['Uint8Array', 'PoolByteArray'],
      ['Int32Array', 'PoolIntArray'],
      ['Float32Array', 'PoolRealArray'],
    ]) {
      expect(optIn(cls as string)).toBe(`codec: godot3Codec, or withTypes(godot3CoreCodec, godot3${type})`);
    }
    for (const cls of [
      'Foo',
      'String',
      'Object',
      'Map',
      'Real',
      'Variant',
      'Vector2i',
      'BigInt64Array',
      'Float64Array',
      '',
    ]) {
      expect(optIn(cls), cls).toBe('');
    }
  });
});

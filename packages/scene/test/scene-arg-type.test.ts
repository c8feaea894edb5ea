import { checkSceneArgType, fitsSceneArgType, type SceneArgType, zeroSceneArg } from '@wspeer/scene';
import {
  godot4Codec,
  godot4CoreCodec,
  godot4DoubleCodec,
  godot4Vector2,
  NodePath,
  StringName,
  Vector2,
  withTypes,
} from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

/** Every class type a Godot 4 RPC may declare (the rest are checked without the codec). */
const CLASS_TYPES: SceneArgType[] = [
  'Vector2',
  'Vector2i',
  'Rect2',
  'Rect2i',
  'Vector3',
  'Vector3i',
  'Transform2D',
  'Vector4',
  'Vector4i',
  'Plane',
  'Quaternion',
  'AABB',
  'Basis',
  'Transform3D',
  'Projection',
  'Color',
  'StringName',
  'NodePath',
  'RID',
  'Callable',
  'Signal',
  'PackedByteArray',
  'PackedInt32Array',
  'PackedInt64Array',
  'PackedFloat32Array',
  'PackedFloat64Array',
  'PackedStringArray',
  'PackedVector2Array',
  'PackedVector3Array',
  'PackedColorArray',
  'PackedVector4Array',
];

describe('scene argument types by the codec', () => {
  it('a full codec (single or double precision) declares, zeroes and checks every class type', () => {
    for (const codec of [godot4Codec, godot4DoubleCodec]) {
      for (const type of CLASS_TYPES) {
        expect(() => checkSceneArgType(type, codec, 'RPC')).not.toThrow();
        const zero = zeroSceneArg(type, codec);
        expect(fitsSceneArgType(zero, type, codec), type).toBe(true);
        // A value of another class type does not fit.
        const other = type === 'Vector2' ? 'Vector2i' : 'Vector2';
        expect(fitsSceneArgType(zeroSceneArg(other, codec), type, codec), `${other} as ${type}`).toBe(false);
      }
    }
    expect(fitsSceneArgType(new StringName('a'), 'StringName', godot4Codec)).toBe(true);
    expect(fitsSceneArgType(NodePath.parse('a'), 'StringName', godot4Codec)).toBe(false);
    expect(fitsSceneArgType(new Uint8Array(1), 'PackedByteArray', godot4Codec)).toBe(true);
    expect(fitsSceneArgType(new Int32Array(1), 'PackedByteArray', godot4Codec)).toBe(false);
    expect(fitsSceneArgType(new BigInt64Array(1), 'PackedInt64Array', godot4Codec)).toBe(true);
  });

  it('the core codec declares no class type; withTypes adds exactly the ones given', () => {
    for (const type of CLASS_TYPES) {
      expect(() => checkSceneArgType(type, godot4CoreCodec, 'RPC')).toThrow(`RPC declares ${type}, not in`);
      expect(fitsSceneArgType(zeroSceneArg(type, godot4Codec), type, godot4CoreCodec)).toBe(false);
    }
    const some = withTypes(godot4CoreCodec, godot4Vector2);
    expect(() => checkSceneArgType('Vector2', some, 'RPC')).not.toThrow();
    expect(fitsSceneArgType(new Vector2(1, 2), 'Vector2', some)).toBe(true);
    expect(() => checkSceneArgType('Vector2i', some, 'RPC')).toThrow('RPC declares Vector2i, not in');
  });

  it('a name that is no Godot 4 type is refused, as are the names of internal classes', () => {
    for (const type of ['Vectr2', 'Object', 'EncodedObjectAsID', 'Real', 'VariantBytes', 'Map', 'PackedMap']) {
      expect(() => checkSceneArgType(type, godot4Codec, 'RPC')).toThrow(`RPC declares ${type}, not in`);
    }
  });
});

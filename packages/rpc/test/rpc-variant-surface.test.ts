import * as rpc from '@wspeer/rpc';
import * as variant from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

describe('@wspeer/rpc keeps its Variant codec surface, now from @wspeer/variant', () => {
  it('re-exports the Godot 3 codec by identity and nothing of Godot 4', () => {
    const names = [
      'AABB',
      'Basis',
      'ByteReader',
      'ByteWriter',
      'Color',
      'DECODE_FAILED',
      'DEFAULT_MAX_DEPTH',
      'decodeVariant',
      'ENCODE_BUFFER_MAX_SIZE',
      'ENCODE_FLAG_64',
      'encodeVariant',
      'getVar',
      'NodePath',
      'Plane',
      'PoolColorArray',
      'PoolStringArray',
      'PoolVector2Array',
      'PoolVector3Array',
      'putVar',
      'Quat',
      'Real',
      'Rect2',
      'RID',
      'readVariant',
      'Transform',
      'Transform2D',
      'VariantError',
      'VariantType',
      'Vector2',
      'Vector3',
      'writeVariant',
    ];
    const fromRpc: Record<string, unknown> = { ...rpc };
    const fromVariant: Record<string, unknown> = { ...variant };
    for (const name of names) expect(fromRpc[name], name).toBe(fromVariant[name]);
    expect('godot4Codec' in rpc).toBe(false);
    expect('Quaternion' in rpc).toBe(false);
  });
});

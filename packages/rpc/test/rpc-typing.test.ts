import { MultiplayerAPI, Vector2 } from '@wspeer/rpc';
import { describe, expect, it } from 'vitest';

describe('typed RPC declarations', () => {
  it('accept the declared methods and argument types, and refuse others at compile time', () => {
    const api = new MultiplayerAPI();
    const node = api.node('Main/Game', {
      methods: {
        set_player_name: { mode: 'master', handler: (_name: string) => {} },
        move: { mode: 'remote', handler: (_to: Vector2, _speed: number) => {} },
      },
      properties: { score: { mode: 'puppet', value: 0 } },
    });
    // Not connected: runtime codes, but the calls below type-check.
    expect(node.rpc('set_player_name', 'alice')).toBe(3);
    expect(node.rpcId(1, 'move', new Vector2(1, 2), 0.5)).toBe(3);
    expect(node.rset('score', 10)).toBe(3);
    // @ts-expect-error: unknown method
    node.rpc('no_such_method');
    // @ts-expect-error: wrong argument type
    node.rpc('set_player_name', 42);
    // @ts-expect-error: missing argument
    node.rpcId(1, 'move', new Vector2(1, 2));
    // @ts-expect-error: wrong property value type
    node.rset('score', 'ten');
    // @ts-expect-error: unknown property
    node.rset('health', 1);
    expect(node.get('score')).toBe(0);
  });
});

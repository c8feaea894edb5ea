import { LoopbackNetwork } from '@wspeer/core';
import { multiplayerServer, WebSocketMultiplayerPeer } from '@wspeer/multiplayer';
import {
  Color,
  godot3Codec,
  godot3CoreCodec,
  godot3PoolByteArray,
  godot3PoolIntArray,
  godot3PoolRealArray,
  godot3PoolStringArray,
  godot3Vector2,
  MultiplayerAPI,
  PoolStringArray,
  type RpcNode,
  VariantBytes,
  Vector2,
  withTypes,
} from '@wspeer/rpc';
import { encodeVariantWith, type VariantCodec } from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

async function settle(apis: MultiplayerAPI[], done: () => boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    for (const api of apis) api.poll();
    if (done()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('settle: never happened');
}

/** One value of each Godot 3 pool (PoolByteArray, PoolIntArray, PoolRealArray, PoolStringArray), ids 20..23. */
function somePools(): [Uint8Array, Int32Array, Float32Array, PoolStringArray] {
  return [new Uint8Array([1, 2, 3]), new Int32Array([-5]), new Float32Array([0.25]), new PoolStringArray(['a'])];
}

/** A server with every Godot 3 type and one client with `codec` (undefined: the default), over the loopback. */
async function pair(codec: VariantCodec | undefined) {
  const net = new LoopbackNetwork();
  const peer = () =>
    new WebSocketMultiplayerPeer({ connect: net.connect, server: multiplayerServer(net.listen), log: null });
  const serverPeer = peer();
  serverPeer.createServer(0);
  const port = await serverPeer.listening(1000);
  const server = new MultiplayerAPI(serverPeer, { log: null, codec: godot3Codec });
  const clientPeer = peer();
  clientPeer.createClient(`ws://loopback:${port}/`);
  const client = new MultiplayerAPI(clientPeer, codec === undefined ? { log: null } : { log: null, codec });
  const all = [server, client];
  await settle(all, () => client.getNetworkConnectedPeers().length === 1);
  const got = { server: [] as unknown[], client: [] as unknown[] };
  const node = (api: MultiplayerAPI, into: unknown[]): RpcNode =>
    api.node('Main', { methods: { echo: { mode: 'remote', handler: (value: unknown) => into.push(value) } } });
  return { server, client, all, got, serverNode: node(server, got.server), clientNode: node(client, got.client) };
}

describe('MultiplayerAPI codec option', () => {
  it('by default decodes a Vector2 as lossless VariantBytes that go back out unchanged', async () => {
    const { all, got, serverNode, clientNode } = await pair(undefined);
    expect(serverNode.rpc('echo', new Vector2(1.5, -2))).toBe(0);
    await settle(all, () => got.client.length === 1);
    const opaque = got.client[0] as VariantBytes;
    expect(opaque).toBeInstanceOf(VariantBytes);
    expect(opaque.type).toBe(5);
    expect(opaque.bytes).toStrictEqual(encodeVariantWith(godot3Codec, new Vector2(1.5, -2)));
    expect(clientNode.rpc('echo', opaque)).toBe(0);
    await settle(all, () => got.server.length === 1);
    expect(got.server[0]).toStrictEqual(new Vector2(1.5, -2));
  });

  it('by default refuses to send a Vector2, naming it and how to opt in', async () => {
    const { client, clientNode } = await pair(undefined);
    expect(clientNode.rpc('echo', [1, new Vector2(1, 2)])).toBe(30);
    expect(client.lastErrorMessage).toMatch(/"echo".*Vector2.*godot3Codec.*withTypes\(godot3CoreCodec, godot3Vector2/);
    expect(clientNode.rpc('echo', [1, 'core types go'])).toBe(0);
  });

  it('by default decodes a pool as VariantBytes that go back out byte for byte, and refuses to send one', async () => {
    const { all, got, client, serverNode, clientNode } = await pair(undefined);
    const pools = somePools();
    expect(serverNode.rpc('echo', pools)).toBe(0);
    await settle(all, () => got.client.length === 1);
    const opaque = got.client[0] as VariantBytes[];
    for (const [i, pool] of pools.entries()) {
      expect(opaque[i]).toBeInstanceOf(VariantBytes);
      expect(opaque[i]?.type).toBe(20 + i);
      expect(opaque[i]?.bytes).toStrictEqual(encodeVariantWith(godot3Codec, pool));
    }
    expect(clientNode.rpc('echo', opaque)).toBe(0);
    await settle(all, () => got.server.length === 1);
    expect(got.server[0]).toStrictEqual(pools);
    expect(clientNode.rpc('echo', new Int32Array([1]))).toBe(30);
    expect(client.lastErrorMessage).toBe(
      '"echo": Cannot encode an instance of Int32Array as a Godot 3 Variant; opt in: codec: godot3Codec, or withTypes(godot3CoreCodec, godot3PoolIntArray).',
    );
    const hints = [new Uint8Array(1), [new Float32Array(1)], new PoolStringArray([]), new Map([[1, new Color()]])];
    const entries = ['PoolByteArray', 'PoolRealArray', 'PoolStringArray', 'Color'];
    for (const [i, value] of hints.entries()) {
      expect(clientNode.rpc('echo', value)).toBe(30);
      expect(client.lastErrorMessage).toMatch(new RegExp(`withTypes\\(godot3CoreCodec, godot3${entries[i]}\\)\\.$`));
    }
    // A class with no Godot 3 type gets no opt-in hint: no codec would encode it.
    expect(clientNode.rpc('echo', new (class Foo {})())).toBe(30);
    expect(client.lastErrorMessage).toBe(
      '"echo": Cannot encode an instance of Foo as a Godot 3 Variant; no Godot 3 codec encodes it.',
    );
    // An instance whose class has no name: the same answer (the hint reads VariantError.className, not the text).
    expect(clientNode.rpc('echo', Object.create(Object.create(null)))).toBe(30);
    expect(client.lastErrorMessage).toBe(
      '"echo": Cannot encode an instance of an unknown class as a Godot 3 Variant; no Godot 3 codec encodes it.',
    );
    expect(clientNode.rpc('echo', new String('boxed'))).toBe(30);
    expect(client.lastErrorMessage).toMatch(/instance of String as a Godot 3 Variant; no Godot 3 codec encodes it\.$/);
    // Other encoding failures carry no codec hint at all.
    let deep: unknown[] = [];
    for (let i = 0; i < 300; i++) deep = [deep];
    expect(clientNode.rpc('echo', deep)).toBe(30);
    expect(client.lastErrorMessage).toMatch(/^"echo": .*256/);
    expect(client.lastErrorMessage).not.toMatch(/opt in|codec encodes/);
    expect(clientNode.rpc('echo', 2 ** 60)).toBe(30);
    expect(client.lastErrorMessage).not.toMatch(/opt in|codec encodes/);
  });

  it('decodes and sends the pools it opts in', async () => {
    const codec = withTypes(
      godot3CoreCodec,
      godot3PoolByteArray,
      godot3PoolIntArray,
      godot3PoolRealArray,
      godot3PoolStringArray,
    );
    const { all, got, serverNode, clientNode } = await pair(codec);
    const pools = somePools();
    expect(serverNode.rpc('echo', pools)).toBe(0);
    await settle(all, () => got.client.length === 1);
    expect(got.client[0]).toStrictEqual(pools);
    expect(clientNode.rpc('echo', pools)).toBe(0);
    await settle(all, () => got.server.length === 1);
    expect(got.server[0]).toStrictEqual(pools);
  });

  it('decodes and sends the types it opts in, and only those', async () => {
    const { all, got, serverNode, clientNode } = await pair(withTypes(godot3CoreCodec, godot3Vector2));
    serverNode.rpc('echo', [new Vector2(3, 4), new Color(1, 0, 0, 1)]);
    await settle(all, () => got.client.length === 1);
    const [vector, color] = got.client[0] as [Vector2, VariantBytes];
    expect(vector).toStrictEqual(new Vector2(3, 4));
    expect(color).toBeInstanceOf(VariantBytes);
    expect(clientNode.rpc('echo', new Vector2(5, 6))).toBe(0);
    await settle(all, () => got.server.length === 1);
    expect(got.server[0]).toStrictEqual(new Vector2(5, 6));
    expect(clientNode.rpc('echo', new Color())).toBe(30);
  });

  it('throws at declaration for an argument or property type the codec does not decode', () => {
    const api = new MultiplayerAPI();
    const handler = () => {};
    expect(() =>
      api.node('Main/Player', { methods: { move: { mode: 'remote', args: ['int', 'Vector2'], handler } } }),
    ).toThrow(
      "RPC on Main/Player 'move': the codec does not decode Vector2; give MultiplayerAPI codec: godot3Codec, or withTypes(godot3CoreCodec, godot3Vector2).",
    );
    expect(() => api.node('Main', { properties: { tint: { mode: 'puppet', value: null, type: 'Color' } } })).toThrow(
      /Property on Main 'tint': the codec does not decode Color/,
    );
    expect(() => api.node('Main', { methods: { f: { mode: 'remote', args: ['Pool' as 'Array'], handler } } })).toThrow(
      /unknown type "Pool"/,
    );
    expect(() =>
      api.node('Main', { methods: { f: { mode: 'remote', args: ['Uint8Array' as 'Array'], handler } } }),
    ).toThrow(/unknown type "Uint8Array"/);
    // The core types need nothing; an opted-in type is accepted.
    api.node('Main', {
      methods: {
        f: {
          mode: 'remote',
          args: ['Variant', 'Nil', 'bool', 'int', 'float', 'String', 'Array', 'Dictionary'],
          handler,
        },
      },
    });
    // The pools are opt-in like the math types.
    expect(() => api.node('Main', { methods: { f: { mode: 'remote', args: ['PoolByteArray'], handler } } })).toThrow(
      "RPC on Main 'f': the codec does not decode PoolByteArray; give MultiplayerAPI codec: godot3Codec, or withTypes(godot3CoreCodec, godot3PoolByteArray).",
    );
    for (const type of ['PoolIntArray', 'PoolRealArray', 'PoolStringArray'] as const) {
      expect(() => api.node('Main', { properties: { p: { mode: 'puppet', value: null, type } } })).toThrow(
        new RegExp(`does not decode ${type};.*withTypes\\(godot3CoreCodec, godot3${type}\\)`),
      );
    }
    const pools = new MultiplayerAPI(null, {
      codec: withTypes(
        godot3CoreCodec,
        godot3PoolByteArray,
        godot3PoolIntArray,
        godot3PoolRealArray,
        godot3PoolStringArray,
      ),
    });
    pools.node('Main', {
      methods: {
        f: { mode: 'remote', args: ['PoolByteArray', 'PoolIntArray', 'PoolRealArray', 'PoolStringArray'], handler },
      },
    });
    const opted = new MultiplayerAPI(null, { codec: withTypes(godot3CoreCodec, godot3Vector2) });
    opted.node('Main', { methods: { move: { mode: 'remote', args: ['Vector2'], handler } } });
    expect(() => opted.node('Main', { methods: { paint: { mode: 'remote', args: ['Color'], handler } } })).toThrow(
      /godot3Color/,
    );
    new MultiplayerAPI(null, { codec: godot3Codec }).node('Main', {
      methods: {
        paint: { mode: 'remote', args: ['Color', 'Transform', 'PoolColorArray', 'RID', 'NodePath'], handler },
      },
    });
  });
});

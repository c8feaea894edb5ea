import { ErrorCode, LoopbackNetwork } from '@wspeer/core';
import { multiplayerServer, WebSocketMultiplayerPeer } from '@wspeer/multiplayer';
import { SceneMultiplayer, type SceneMultiplayerOptions, sceneAuth, sceneServer } from '@wspeer/scene';
import {
  godot4Codec,
  godot4CoreCodec,
  godot4Vector2,
  godot4Vector2i,
  VariantBytes,
  Vector2,
  Vector2i,
  withTypes,
} from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

async function settle(scenes: SceneMultiplayer[], done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 600; i++) {
    for (const s of scenes) s.poll();
    if (done()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`settle: ${what} never happened`);
}

/** The codec `mainNode` needs: the core types and Vector2i (`move`'s first argument). */
const MAIN_CODEC = withTypes(godot4CoreCodec, godot4Vector2i);

/** A server and `n` clients over the loopback network, godot4 wire, each with a SceneMultiplayer. */
async function session(n: number, options: SceneMultiplayerOptions = { codec: MAIN_CODEC }, clientOptions = options) {
  const net = new LoopbackNetwork();
  const peer = () =>
    new WebSocketMultiplayerPeer({
      connect: net.connect,
      server: multiplayerServer(net.listen),
      wire: 'godot4',
      log: null,
    });
  const serverPeer = peer();
  serverPeer.createServer(0);
  const port = await serverPeer.listening(1000);
  // The server side is injected, as a server in a page must (`@wspeer/scene` carries none by default).
  const server = new SceneMultiplayer(serverPeer, { log: null, server: sceneServer, ...options });
  const clients: SceneMultiplayer[] = [];
  for (let i = 0; i < n; i++) {
    const p = peer();
    p.createClient(`ws://loopback:${port}/`);
    clients.push(new SceneMultiplayer(p, { log: null, ...clientOptions }));
  }
  const all = [server, ...clients];
  return { server, clients, all, port, peer };
}

/** The `Main` node both sides declare, recording calls with their sender. */
function mainNode(scene: SceneMultiplayer, log: string[]) {
  return scene.node('Main', {
    methods: {
      hello: {
        mode: 'any_peer',
        args: ['String'],
        handler: (name: string) => log.push(`hello:${scene.getRemoteSenderId()}:${name}`),
      },
      only_server: { handler: (text: string) => log.push(`only_server:${scene.getRemoteSenderId()}:${text}`) },
      move: {
        mode: 'any_peer',
        callLocal: true,
        args: ['Vector2i', 'float'],
        handler: (to: Vector2i, speed: number) =>
          log.push(`move:${scene.getRemoteSenderId()}:${to.x},${to.y}:${speed}`),
      },
      blob: { mode: 'any_peer', handler: (data: Uint8Array) => log.push(`blob:${Array.from(data).join(',')}`) },
    },
  });
}

describe('SceneMultiplayer (loopback, godot4 wire)', () => {
  it('admits peers with the server relay: every client hears of the others, and of leaves', async () => {
    const { server, clients, all } = await session(3);
    await settle(all, () => clients.every((c) => c.getPeers().length === 3), 'everyone sees everyone');
    const ids = clients.map((c) => c.getUniqueId());
    expect(server.getPeers().sort()).toEqual([...ids].sort());
    for (const c of clients)
      expect(c.getPeers().sort()).toEqual([1, ...ids.filter((id) => id !== c.getUniqueId())].sort());
    const left: number[] = [];
    clients[1]?.on('peer_disconnected', (id) => left.push(id));
    clients[0]?.multiplayerPeer?.close();
    await settle(all, () => left.length === 1, 'the leave announced');
    expect(left).toEqual([ids[0]]);
    expect(server.getPeers()).not.toContain(ids[0]);
  });

  it('calls RPCs both ways and client to client through the relay, with the true sender', async () => {
    const { server, clients, all } = await session(2);
    const [a, b] = clients as [SceneMultiplayer, SceneMultiplayer];
    const logs = { s: [] as string[], a: [] as string[], b: [] as string[] };
    const ns = mainNode(server, logs.s);
    const na = mainNode(a, logs.a);
    mainNode(b, logs.b);
    await settle(all, () => a.getPeers().length === 2 && b.getPeers().length === 2, 'connected');
    expect(na.rpcId(1, 'hello', 'from a')).toBe(ErrorCode.OK);
    expect(na.rpcId(b.getUniqueId(), 'hello', 'a to b')).toBe(ErrorCode.OK);
    expect(ns.rpc('only_server', 'from the server')).toBe(ErrorCode.OK);
    await settle(all, () => logs.s.length === 1 && logs.b.length === 2 && logs.a.length === 1, 'calls delivered');
    expect(logs.s).toEqual([`hello:${a.getUniqueId()}:from a`]);
    expect([...logs.b].sort()).toEqual([`hello:${a.getUniqueId()}:a to b`, 'only_server:1:from the server'].sort());
    // A second call uses the confirmed path cache (compact form), and still arrives.
    na.rpcId(b.getUniqueId(), 'hello', 'again');
    await settle(all, () => logs.b.length === 3, 'second call');
    expect(logs.b[2]).toBe(`hello:${a.getUniqueId()}:again`);
  });

  it('call_local runs here too with our id as sender; rpc on yourself without call_local is refused', async () => {
    const { server, clients, all } = await session(1);
    const [a] = clients as [SceneMultiplayer];
    const logs = { s: [] as string[], a: [] as string[] };
    const ns = mainNode(server, logs.s);
    mainNode(a, logs.a);
    await settle(all, () => a.getPeers().length === 1, 'connected');
    expect(ns.rpc('move', new Vector2i(3, -4), 0.5)).toBe(ErrorCode.OK);
    expect(logs.s).toEqual(['move:1:3,-4:0.5']);
    await settle(all, () => logs.a.length === 1, 'remote move');
    expect(logs.a).toEqual(['move:1:3,-4:0.5']);
    expect(ns.rpcId(1, 'hello', 'me')).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(server.lastErrorMessage).toMatch(/RPC 'hello' on Main to ourselves needs callLocal/);
    expect(ns.rpcId(99, 'hello', 'nobody')).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(server.lastErrorMessage).toMatch(/Peer 99 is not connected/);
  });

  it('refuses an authority-only call from a non-authority, naming the node, mode and authority', async () => {
    const { server, clients, all } = await session(1);
    const [a] = clients as [SceneMultiplayer];
    const logs = { s: [] as string[], a: [] as string[] };
    mainNode(server, logs.s);
    const na = mainNode(a, logs.a);
    const refused: string[] = [];
    server.on('rpc_refused', (_from, reason) => refused.push(reason));
    await settle(all, () => a.getPeers().length === 1, 'connected');
    na.rpcId(1, 'only_server', 'cheat');
    await settle(all, () => refused.length === 1, 'refusal');
    expect(refused[0]).toBe(
      `RPC 'only_server' is not allowed on node Main from: ${a.getUniqueId()}. Mode is authority, authority is 1.`,
    );
    expect(logs.s).toEqual([]);
    expect(server.stats().refusals).toEqual({ mode: 1 });
  });

  it('refuses a checksum mismatch and an undeclared method id, naming the path and our methods', async () => {
    const { server, clients, all } = await session(1);
    const [a] = clients as [SceneMultiplayer];
    const log: string[] = [];
    mainNode(server, log);
    const other = a.node('Main', { methods: { hello: { mode: 'any_peer', handler: (_text: string) => {} } } });
    const refused: string[] = [];
    server.on('rpc_refused', (_from, reason) => refused.push(reason));
    const aRefused: string[] = [];
    a.on('rpc_refused', (_from, reason) => aRefused.push(reason));
    await settle(all, () => a.getPeers().length === 1, 'connected');
    other.rpcId(1, 'hello', 'x');
    await settle(all, () => refused.length >= 1 && aRefused.length === 1, 'refusals');
    expect(refused[0]).toBe('RPC checksum mismatch on Main (our methods: blob, hello, move, only_server).');
    expect(aRefused[0]).toBe('RPC checksum mismatch on Main (our methods: hello).');
    expect(log).toEqual([]);
  });

  it('sends bytes (peer_packet) to one peer, to all, and to all but one', async () => {
    const { server, clients, all } = await session(2);
    const [a, b] = clients as [SceneMultiplayer, SceneMultiplayer];
    const got: string[] = [];
    for (const [name, s] of [
      ['s', server],
      ['a', a],
      ['b', b],
    ] as const) {
      s.on('peer_packet', (from, data) => got.push(`${name}<${from}:${Array.from(data).join(',')}`));
    }
    await settle(all, () => a.getPeers().length === 2 && b.getPeers().length === 2, 'connected');
    const idA = a.getUniqueId();
    expect(a.sendBytes(new Uint8Array([1]), 0)).toBe(ErrorCode.OK);
    expect(server.sendBytes(new Uint8Array([2]), -idA)).toBe(ErrorCode.OK);
    expect(b.sendBytes(new Uint8Array([3]), idA)).toBe(ErrorCode.OK);
    expect(a.sendBytes(new Uint8Array(0))).toBe(ErrorCode.ERR_INVALID_DATA);
    await settle(all, () => got.length === 4, 'packets');
    expect(got.sort()).toEqual([`a<${b.getUniqueId()}:3`, `b<${idA}:1`, 'b<1:2', `s<${idA}:1`].sort());
  });

  it('authenticates: nothing but auth passes before both sides complete; a wrong token fails both sides', async () => {
    const auth = (scene: () => SceneMultiplayer, token: string) => (id: number, data: Uint8Array) => {
      const text = new TextDecoder().decode(data);
      if (text === token) scene().completeAuth(id);
      else scene().disconnectPeer(id);
    };
    let server!: SceneMultiplayer;
    const net = await session(
      2,
      { authCallback: auth(() => server, 'secret'), authTimeout: 5, auth: sceneAuth },
      { authCallback: () => {}, authTimeout: 5, auth: sceneAuth },
    );
    server = net.server;
    const [good, bad] = net.clients as [SceneMultiplayer, SceneMultiplayer];
    const events: string[] = [];
    const authenticating: number[] = [];
    const connected: number[] = [];
    server.on('peer_authenticating', (id) => authenticating.push(id));
    server.on('peer_connected', (id) => connected.push(id));
    bad.on('peer_authentication_failed', (id) => events.push(`bad failed:${id}`));
    good.on('connected_to_server', () => events.push('good admitted'));
    const refused: string[] = [];
    server.on('rpc_refused', (_from, reason) => refused.push(reason));
    for (const [client, token] of [
      [good, 'secret'],
      [bad, 'wrong'],
    ] as const) {
      client.on('peer_authenticating', (id) => {
        events.push(`client authenticating:${id}`);
        const transport = client.multiplayerPeer as WebSocketMultiplayerPeer;
        transport.setTargetPeer(1);
        transport.putPacket(new Uint8Array([3, 9])); // a RAW packet before authentication: refused
        client.sendAuth(1, new TextEncoder().encode(token));
        client.completeAuth(1);
      });
    }
    await settle(net.all, () => events.includes('good admitted') && events.includes('bad failed:1'), 'auth outcome');
    expect(authenticating).toHaveLength(2);
    expect(authenticating).toContain(good.getUniqueId());
    expect(events.filter((e) => e === 'client authenticating:1')).toHaveLength(2);
    expect(connected).toEqual([good.getUniqueId()]);
    expect(server.getPeers()).toEqual([good.getUniqueId()]);
    expect(good.getPeers()).toEqual([1]);
    expect(refused.filter((r) => /before its authentication completed/.test(r))).toHaveLength(2);
  });

  it('drops a peer that does not authenticate within authTimeout (auto-polled, no packet needed)', async () => {
    const net = await session(1, { authCallback: () => {}, authTimeout: 0.2, autoPoll: true, auth: sceneAuth }, {});
    const failed: number[] = [];
    net.server.on('peer_authentication_failed', (id) => failed.push(id));
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('no timeout within 2 s')), 2000);
      net.server.on('peer_authentication_failed', () => {
        clearTimeout(deadline);
        resolve();
      });
      net.clients[0]?.poll();
    });
    expect(failed).toHaveLength(1);
    expect(net.server.getPeers()).toEqual([]);
    expect(net.server.stats()).toMatchObject({ authenticating: 0, refusals: { 'auth-timeout': 1 } });
  });

  it('refuses hostile path caches: duplicates, unknown nodes, and more entries than maxPathCacheEntries', async () => {
    const { server, clients, all } = await session(1, { maxPathCacheEntries: 2, codec: MAIN_CODEC });
    const [a] = clients as [SceneMultiplayer];
    const log: string[] = [];
    mainNode(server, log);
    server.node('Other');
    server.node('Third');
    const refused: string[] = [];
    server.on('rpc_refused', (_from, reason) => refused.push(reason));
    await settle(all, () => a.getPeers().length === 1, 'connected');
    const peer = a.multiplayerPeer as WebSocketMultiplayerPeer;
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    const simplify = (id: number, path: string) => {
      const name = new TextEncoder().encode(path);
      const p = new Uint8Array(38 + name.length + 1);
      p[0] = 1;
      p.set(new TextEncoder().encode(md5), 1);
      new DataView(p.buffer).setUint32(34, id, true);
      p.set(name, 38);
      return p;
    };
    peer.setTargetPeer(1);
    peer.putPacket(simplify(1, 'Other'));
    peer.putPacket(simplify(1, 'Third'));
    peer.putPacket(simplify(2, 'Nowhere'));
    peer.putPacket(simplify(3, 'Third'));
    peer.putPacket(simplify(4, 'Main'));
    await settle(all, () => refused.length === 3, 'refusals');
    expect(refused[0]).toBe(`Duplicate remote cache ID 1 for peer ${a.getUniqueId()}.`);
    expect(refused[1]).toBe('SIMPLIFY_PATH for unknown node "Nowhere".');
    expect(refused[2]).toMatch(/has 2 cached paths already/);
    expect(server.stats().refusals).toEqual({ path: 3 });
  });

  it('a server with serverRelay but no server side is a misconfiguration, refused with what to pass', async () => {
    const { server, peer } = await session(0);
    const serverPeer = server.multiplayerPeer as WebSocketMultiplayerPeer;
    server.multiplayerPeer = null;
    expect(() => new SceneMultiplayer(serverPeer, { log: null })).toThrow(
      'SceneMultiplayer: a relaying server needs { server: sceneServer } (wspeer/scene) or serverRelay: false',
    );
    expect(new SceneMultiplayer(serverPeer, { log: null, serverRelay: false }).isServer()).toBe(true);
    expect(new SceneMultiplayer(peer(), { log: null }).isServer()).toBe(false);
    serverPeer.close();
  });

  it('an authCallback without the auth option is a misconfiguration, refused with what to pass; no peer authenticates', async () => {
    const hint = 'SceneMultiplayer: an authCallback needs { auth: sceneAuth } (wspeer/scene)';
    expect(() => new SceneMultiplayer(null, { log: null, authCallback: () => {} })).toThrow(hint);
    const { server, clients, all } = await session(1, { log: null, server: sceneServer }, { log: null });
    const [a] = clients as [SceneMultiplayer];
    expect(() => {
      server.authCallback = () => {};
    }).toThrow(hint);
    expect(server.authCallback).toBeNull();
    await settle(all, () => a.getPeers().length === 1 && server.getPeers().length === 1, 'admitted at once');
    expect(server.getAuthenticatingPeers()).toEqual([]);
    expect(server.stats().authenticating).toBe(0);
    expect(server.sendAuth(a.getUniqueId(), new Uint8Array([1]))).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(server.lastErrorMessage).toBe(`Peer ${a.getUniqueId()} is not authenticating.`);
    expect(a.completeAuth(1)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
  });

  describe('codec by use (the `codec` option)', () => {
    /** A node taking any value (`value`) or a String (`text`), recording what arrives. */
    const valueNode = (scene: SceneMultiplayer, got: unknown[]) =>
      scene.node('Values', {
        methods: {
          value: { mode: 'any_peer', handler: (v: unknown) => got.push(v) },
          text: { mode: 'any_peer', args: ['String'], handler: (v: string) => got.push(v) },
        },
      });

    it('the default codec delivers a Vector2 as VariantBytes that re-encode verbatim, and refuses it for a String', async () => {
      const { server, clients, all } = await session(1, { codec: godot4Codec }, {});
      const [a] = clients as [SceneMultiplayer];
      expect(a.codec).toBe(godot4CoreCodec);
      const onServer: unknown[] = [];
      const onClient: unknown[] = [];
      const ns = valueNode(server, onServer);
      const na = valueNode(a, onClient);
      const refused: string[] = [];
      a.on('rpc_refused', (_from, reason) => refused.push(reason));
      await settle(all, () => a.getPeers().length === 1, 'connected');
      expect(ns.rpc('value', new Vector2(1.5, -2))).toBe(ErrorCode.OK);
      await settle(all, () => onClient.length === 1, 'the value');
      const opaque = onClient[0] as VariantBytes;
      expect(opaque).toBeInstanceOf(VariantBytes);
      expect(opaque.type).toBe(5);
      // Sent back as it came, the full codec reads the Vector2.
      expect(na.rpcId(1, 'value', opaque)).toBe(ErrorCode.OK);
      await settle(all, () => onServer.length === 1, 'the value back');
      expect(onServer).toEqual([new Vector2(1.5, -2)]);
      expect(ns.rpc('text', new Vector2(3, 4) as unknown as string)).toBe(ErrorCode.OK);
      await settle(all, () => refused.length === 1, 'refusal');
      expect(refused[0]).toBe(`RPC 'text' on Values called with argument 1 "VariantBytes(5, 12 bytes)", not a String.`);
      expect(onClient).toHaveLength(1);
    });

    it('withTypes(godot4CoreCodec, godot4Vector2) decodes the Vector2 and checks a declared Vector2', async () => {
      const codec = withTypes(godot4CoreCodec, godot4Vector2);
      const { server, clients, all } = await session(1, { codec }, { codec });
      const [a] = clients as [SceneMultiplayer];
      const got: unknown[] = [];
      const declare = (scene: SceneMultiplayer) =>
        scene.node('Mover', {
          methods: { to: { mode: 'any_peer', args: ['Vector2'], handler: (v: Vector2) => got.push(v) } },
        });
      const ns = declare(server);
      declare(a);
      const refused: string[] = [];
      a.on('rpc_refused', (_from, reason) => refused.push(reason));
      await settle(all, () => a.getPeers().length === 1, 'connected');
      expect(ns.rpc('to', new Vector2(7, 8))).toBe(ErrorCode.OK);
      await settle(all, () => got.length === 1, 'the Vector2');
      expect(got[0]).toBeInstanceOf(Vector2);
      expect(got[0]).toEqual(new Vector2(7, 8));
      expect(ns.rpc('to', 'nowhere' as unknown as Vector2)).toBe(ErrorCode.OK);
      await settle(all, () => refused.length === 1, 'refusal');
      expect(refused[0]).toBe(`RPC 'to' on Mover called with argument 1 "nowhere", not a Vector2.`);
    });

    it('sending a type the codec lacks fails with ERR_INVALID_DATA, naming the type and how to opt in', async () => {
      const { server, clients, all } = await session(1, {}, {});
      const ns = valueNode(server, []);
      valueNode(clients[0] as SceneMultiplayer, []);
      await settle(all, () => server.getPeers().length === 1, 'connected');
      expect(ns.rpc('value', new Vector2(1, 2))).toBe(ErrorCode.ERR_INVALID_DATA);
      expect(server.lastErrorMessage).toMatch(/RPC 'value' on Values/);
      expect(server.lastErrorMessage).toMatch(/argument 1 is a Vector2/);
      expect(server.lastErrorMessage).toMatch(/codec: godot4Codec/);
      expect(server.lastErrorMessage).toMatch(/withTypes\(godot4CoreCodec, godot4Vector2\)/);
    });

    it('the opt-in hint names the Godot 4 entry of a typed array, and none for a class no codec encodes', async () => {
      const { server, clients, all } = await session(1, {}, {});
      const pairs = (scene: SceneMultiplayer) =>
        scene.node('Pairs', {
          methods: { pair: { mode: 'any_peer', handler: (_a: unknown, _b: unknown) => undefined } },
        });
      const ns = pairs(server);
      pairs(clients[0] as SceneMultiplayer);
      await settle(all, () => server.getPeers().length === 1, 'connected');
      const cases: [unknown, string][] = [
        [new Uint8Array(2), 'PackedByteArray'],
        [new Int32Array(2), 'PackedInt32Array'],
        [new BigInt64Array(2), 'PackedInt64Array'],
        [new Float32Array(2), 'PackedFloat32Array'],
        [new Float64Array(2), 'PackedFloat64Array'],
      ];
      for (const [value, type] of cases) {
        // (a single PackedByteArray goes out in Godot's raw form, so the typed array is the second argument)
        expect(ns.rpc('pair', 0, value)).toBe(ErrorCode.ERR_INVALID_DATA);
        expect(server.lastErrorMessage).toMatch(`argument 2 is a ${type}, not in the codec`);
        expect(server.lastErrorMessage).toMatch(`withTypes(godot4CoreCodec, godot4${type})`);
      }
      class Unit {}
      expect(ns.rpc('pair', 0, new Unit())).toBe(ErrorCode.ERR_INVALID_DATA);
      expect(server.lastErrorMessage).toMatch(/argument 2 is a Unit, which no Godot 4 codec encodes/);
      expect(server.lastErrorMessage).not.toMatch(/godot4Unit/);
    });

    it('node() throws when a method declares an argument type the codec does not decode', () => {
      const scene = new SceneMultiplayer(null, { log: null });
      expect(() =>
        scene.node('Player', {
          methods: { aim: { args: ['float', 'Vector2'], handler: (_speed: number, _at: Vector2) => undefined } },
        }),
      ).toThrow(
        "RPC 'aim' on Player declares Vector2, not in the codec: use codec: godot4Codec or withTypes(godot4CoreCodec, godot4Vector2)",
      );
      expect(scene.getNode('Player')).toBeUndefined();
      const full = new SceneMultiplayer(null, { log: null, codec: godot4Codec });
      expect(
        full.node('Player', { methods: { aim: { args: ['Vector2'], handler: (_at: Vector2) => undefined } } }).path,
      ).toBe('Player');
    });
  });
});

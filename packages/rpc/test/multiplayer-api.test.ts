import { LoopbackNetwork } from '@wspeer/core';
import { multiplayerServer, WebSocketMultiplayerPeer } from '@wspeer/multiplayer';
import {
  godot3CoreCodec,
  godot3Vector2,
  MultiplayerAPI,
  NetworkCommand,
  Real,
  RpcMode,
  Vector2,
  withTypes,
} from '@wspeer/rpc';
import { describe, expect, it } from 'vitest';

async function settle(apis: MultiplayerAPI[], done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 600; i++) {
    for (const api of apis) api.poll();
    if (done()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`settle: ${what} never happened`);
}

/** A server API and `n` client APIs over the loopback network (godot3 wire). */
async function session(n: number) {
  const net = new LoopbackNetwork();
  const peer = () =>
    new WebSocketMultiplayerPeer({ connect: net.connect, server: multiplayerServer(net.listen), log: null });
  const serverPeer = peer();
  serverPeer.createServer(0);
  const port = await serverPeer.listening(1000);
  // The game node's `move` takes a Vector2: the core types plus that one.
  const codec = withTypes(godot3CoreCodec, godot3Vector2);
  const server = new MultiplayerAPI(serverPeer, { log: null, codec });
  const clients: MultiplayerAPI[] = [];
  for (let i = 0; i < n; i++) {
    const p = peer();
    p.createClient(`ws://loopback:${port}/`);
    clients.push(new MultiplayerAPI(p, { log: null, codec }));
  }
  const all = [server, ...clients];
  await settle(all, () => clients.every((c) => c.getNetworkConnectedPeers().length === n), 'everyone connected');
  return { server, clients, all };
}

/** The dice game node of Godot's websocket_multiplayer demo, as both sides declare it. */
function gameNode(api: MultiplayerAPI, log: string[]) {
  return api.node('Main/Panel/VBoxContainer/Game', {
    methods: {
      set_player_name: {
        mode: 'master',
        handler: (name: string) => log.push(`set_player_name:${api.getRpcSenderId()}:${name}`),
      },
      _log: { mode: 'sync', handler: (what: string) => log.push(`_log:${api.getRpcSenderId()}:${what}`) },
      set_turn: { mode: 'puppetsync', handler: (turn: number) => log.push(`set_turn:${turn}`) },
      move: {
        mode: 'remote',
        args: ['Vector2', 'float'],
        handler: (to: Vector2, speed: number) => log.push(`move:${to.x},${to.y}:${speed}`),
      },
    },
    properties: { score: { mode: 'puppet', value: 0, type: 'int' } },
  });
}

describe('MultiplayerAPI (loopback, godot3 wire)', () => {
  it('tracks connected peers and fires Godot 3 signals', async () => {
    const { server, clients } = await session(2);
    const [a, b] = clients as [MultiplayerAPI, MultiplayerAPI];
    expect(server.isServer()).toBe(true);
    expect(server.getUniqueId()).toBe(1);
    expect(server.getNetworkConnectedPeers().sort()).toEqual([a.getUniqueId(), b.getUniqueId()].sort());
    expect(a.getNetworkConnectedPeers().sort()).toEqual([1, b.getUniqueId()].sort());
  });

  it('runs master calls on the server only, with the sender id, and sync calls everywhere', async () => {
    const { server, clients, all } = await session(2);
    const [a, b] = clients as [MultiplayerAPI, MultiplayerAPI];
    const logs = { server: [] as string[], a: [] as string[], b: [] as string[] };
    const sg = gameNode(server, logs.server);
    const ag = gameNode(a, logs.a);
    gameNode(b, logs.b);
    expect(ag.rpc('set_player_name', 'alice')).toBe(0);
    expect(logs.a).toEqual([]);
    await settle(all, () => logs.server.length === 1);
    expect(logs.server).toEqual([`set_player_name:${a.getUniqueId()}:alice`]);
    sg.rpc('_log', 'hello');
    expect(logs.server).toContain('_log:1:hello');
    await settle(all, () => logs.a.length === 1 && logs.b.length === 1);
    expect(logs.a).toEqual(['_log:1:hello']);
    expect(logs.b).toEqual(['_log:1:hello']);
  });

  it('refuses a puppet call from a non-master, visibly', async () => {
    const { server, clients, all } = await session(1);
    const a = clients[0] as MultiplayerAPI;
    const refused: string[] = [];
    server.on('rpc_refused', (_from, reason) => refused.push(reason));
    const log: string[] = [];
    gameNode(server, log);
    const ag = gameNode(a, []);
    ag.rpcId(1, 'set_turn', 3);
    await settle(all, () => refused.length === 1);
    expect(refused[0]).toContain("RPC 'set_turn' is not allowed on node Main/Panel/VBoxContainer/Game");
    expect(log).toEqual([]);
  });

  it('uses the path cache: SIMPLIFY_PATH and full path first, then the cache id once confirmed', async () => {
    const { server, clients, all } = await session(1);
    const a = clients[0] as MultiplayerAPI;
    const sent: Uint8Array[] = [];
    const peer = server.networkPeer as WebSocketMultiplayerPeer;
    const put = peer.putPacket.bind(peer);
    peer.putPacket = (b: Uint8Array) => {
      sent.push(b.slice());
      return put(b);
    };
    const log: string[] = [];
    const sg = gameNode(server, []);
    gameNode(a, log);
    sg.rpc('_log', 'one');
    expect(sent.map((p) => p[0])).toEqual([NetworkCommand.SIMPLIFY_PATH, NetworkCommand.REMOTE_CALL]);
    const first = new DataView((sent[1] as Uint8Array).buffer).getUint32(1, true);
    expect(first & 0x80000000).not.toBe(0);
    await settle(all, () => log.length === 1);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 10));
      for (const api of all) api.poll();
    }
    sent.length = 0;
    sg.rpc('_log', 'two');
    expect(sent.length).toBe(1);
    expect(new DataView((sent[0] as Uint8Array).buffer).getUint32(1, true)).toBe(1);
    await settle(all, () => log.length === 2);
    expect(log).toEqual(['_log:1:one', '_log:1:two']);
  });

  it('relays client to client calls through the server with the path cache confirmed both ways', async () => {
    const { clients, all } = await session(2);
    const [a, b] = clients as [MultiplayerAPI, MultiplayerAPI];
    const logB: string[] = [];
    const logA: string[] = [];
    const ag = gameNode(a, logA);
    const bg = gameNode(b, logB);
    ag.rpcId(b.getUniqueId(), 'move', new Vector2(1, 2), 3);
    await settle(all, () => logB.length === 1);
    expect(logB).toEqual(['move:1,2:3']);
    bg.rpcId(a.getUniqueId(), 'move', new Vector2(5, 6), 0.5);
    await settle(all, () => logA.length === 1);
    ag.rpcId(b.getUniqueId(), 'move', new Vector2(7, 8), 9);
    await settle(all, () => logB.length === 2);
    expect(logB[1]).toBe('move:7,8:9');
  });

  it('rset sets puppet properties on the others and refuses wrong types', async () => {
    const { server, clients, all } = await session(1);
    const a = clients[0] as MultiplayerAPI;
    const sg = gameNode(server, []);
    const ag = gameNode(a, []);
    const refused: string[] = [];
    a.on('rpc_refused', (_f, r) => refused.push(r));
    sg.rset('score', 77);
    await settle(all, () => ag.get('score') === 77);
    (sg.rset as (p: string, v: unknown) => number)('score', 'not a number');
    await settle(all, () => refused.length === 1);
    expect(ag.get('score')).toBe(77);
  });

  it('sendBytes delivers raw packets with network_peer_packet', async () => {
    const { server, clients, all } = await session(2);
    const [a, b] = clients as [MultiplayerAPI, MultiplayerAPI];
    const got: string[] = [];
    b.on('network_peer_packet', (id, bytes) => got.push(`${id}:${Array.from(bytes)}`));
    server.on('network_peer_packet', (id, bytes) => got.push(`server<-${id}:${Array.from(bytes)}`));
    expect(a.sendBytes(new Uint8Array([1, 2]), b.getUniqueId())).toBe(0);
    expect(a.sendBytes(new Uint8Array([3]), 1)).toBe(0);
    expect(a.sendBytes(new Uint8Array([]))).toBe(30);
    await settle(all, () => got.length === 2);
    expect(got.sort()).toEqual([`${a.getUniqueId()}:1,2`, `server<-${a.getUniqueId()}:3`].sort());
  });

  it('returns error codes for calls to unknown peers, while disconnected, and mode-forbidden self calls', async () => {
    const { server } = await session(1);
    const sg = gameNode(server, []);
    expect(sg.rpcId(424242, '_log', 'x')).toBe(31);
    expect(server.lastErrorMessage).toContain('unexisting ID');
    expect(sg.rpcId(1, 'move', new Vector2(0, 0), 1)).toBe(31);
    const offline = new MultiplayerAPI(null, { codec: withTypes(godot3CoreCodec, godot3Vector2) });
    expect(gameNode(offline, []).rpc('_log', 'x')).toBe(3);
  });

  it('encodes a float-declared integral number as Godot float', async () => {
    const { clients } = await session(1);
    const a = clients[0] as MultiplayerAPI;
    expect(new Real(3).value).toBe(3);
    expect(RpcMode.PUPPETSYNC).toBe(6);
    const ag = gameNode(a, []);
    expect(ag.rpcId(1, 'move', new Vector2(1, 1), 3)).toBe(0);
  });
});

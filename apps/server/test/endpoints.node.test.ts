import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoServer, GAME_PATH, startDemoServer } from '@wspeer/demo-server';
import { pollUntil, sleep } from '@wspeer/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, State, WebSocketPeer } from 'wspeer';
import { WebSocketClient, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { decodeVariant, encodeVariant, MultiplayerAPI } from 'wspeer/rpc';
import { SceneMultiplayer } from 'wspeer/scene';

let demo: DemoServer;
let base: string;
const lines: string[] = [];

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'wspeer-demo-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>');
  demo = await startDemoServer({ port: 0, host: '127.0.0.1', staticRoot: root, log: (l) => lines.push(l) });
  base = `ws://127.0.0.1:${demo.port}`;
});
afterAll(() => demo.close());

async function client(path: string, protocols: string[] = []): Promise<WebSocketPeer> {
  const peer = new WebSocketPeer({ supportedProtocols: protocols });
  peer.connectToUrl(`${base}${path}`);
  await pollUntil(peer, () => peer.readyState !== State.CONNECTING, `${path} open`);
  return peer;
}

describe('demo server', () => {
  it('serves the page over HTTP on the same port', async () => {
    const response = await fetch(`http://127.0.0.1:${demo.port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>demo</title>');
    expect((await fetch(`http://127.0.0.1:${demo.port}/../../etc/passwd`)).status).toBe(404);
  });

  it('/mirror sends every message to every lws-mirror-protocol client, the sender included', async () => {
    const a = await client('/mirror', ['lws-mirror-protocol']);
    const b = await client('/mirror', ['lws-mirror-protocol']);
    a.sendText('Test packet');
    await pollUntil([a, b], () => a.getAvailablePacketCount() === 1 && b.getAvailablePacketCount() === 1, 'mirror');
    expect(a.getMessage()).toBe('Test packet');
    expect(b.getMessage()).toBe('Test packet');
    const wrong = await client('/mirror', ['other']);
    expect(wrong.readyState).toBe(State.CLOSED);
  });

  it('/chat announces joins and relays text and binary (Variant) messages to everyone but the sender', async () => {
    const a = await client('/chat', ['my-protocol2', 'my-protocol', 'binary']);
    expect(a.selectedProtocol).toBe('my-protocol');
    const b = await client('/chat', ['binary']);
    await pollUntil(a, () => a.getAvailablePacketCount() === 1, 'join announcement');
    expect(a.getMessage()).toMatch(/^\[\d+\] connected$/);
    b.sendText('hello ✓');
    b.send(encodeVariant('in binary'));
    await pollUntil(a, () => a.getAvailablePacketCount() === 2, 'relayed messages');
    expect(a.getMessage()).toMatch(/^\[\d+\] Says: hello ✓$/);
    const binary = a.getMessage() as Uint8Array;
    expect(a.wasStringPacket()).toBe(false);
    expect(decodeVariant(binary).value).toMatch(/^\[\d+\] Says: in binary$/);
    b.poll();
    expect(b.getAvailablePacketCount()).toBe(0);
    b.send(new Uint8Array([0xff, 0xff, 0xff]));
    b.close();
    await pollUntil(a, () => a.getAvailablePacketCount() === 1, 'leave announcement');
    expect(a.getMessage()).toMatch(/^\[\d+\] disconnected$/);
    a.close();
  });

  it('/chat/mp relays in multiplayer mode with the true sender and announces as Variant strings', async () => {
    const a = new WebSocketClient();
    const b = new WebSocketClient();
    a.connectToUrl(`${base}/chat/mp`, ['my-protocol'], true);
    await pollUntil(a, () => a.getConnectionStatus() === 2, 'a connected');
    b.connectToUrl(`${base}/chat/mp`, ['my-protocol'], true);
    await pollUntil([a, b], () => b.getConnectionStatus() === 2 && a.getAvailablePacketCount() === 1, 'b connected');
    expect(decodeVariant(a.getPacket()).value).toBe(`[${b.getUniqueId()}] connected`);
    b.setTargetPeer(a.getUniqueId());
    b.putPacket(encodeVariant('psst'));
    await pollUntil(a, () => a.getAvailablePacketCount() === 1, 'relayed');
    expect(a.getPacketPeer()).toBe(b.getUniqueId());
    expect(decodeVariant(a.getPacket()).value).toBe('psst');
    a.close();
    b.close();
  });

  it('/game runs the dice game: names, turns, rolls, cheating refused, a player leaving', async () => {
    const players = await Promise.all(['alice', 'bob'].map((name) => joinGame(name)));
    const [alice, bob] = players as [Player, Player];
    const all = [alice.api, bob.api];
    await pollUntil(all, () => alice.players.length === 2 && bob.players.length === 2, 'both players listed');
    await pollUntil(all, () => alice.names.get(bob.api.getUniqueId()) === 'bob', 'names');
    const first = alice.players[alice.turn] === alice.api.getUniqueId() ? alice : bob;
    const second = first === alice ? bob : alice;
    second.game.rpcId(1, 'request_action', 'roll');
    await pollUntil(all, () => first.log.some((l) => l.startsWith('Someone is trying to cheat!')), 'cheat refused');
    first.game.rpcId(1, 'request_action', 'roll');
    await pollUntil(all, () => second.log.some((l) => /: rolls \d+$/.test(l)), 'roll');
    await pollUntil(all, () => first.players[first.turn] === second.api.getUniqueId(), 'next turn');
    const refused: string[] = [];
    demo.game.api.on('rpc_refused', (_f, r) => refused.push(r));
    first.game.rpcId(1, 'set_turn', 0);
    await pollUntil(all, () => refused.length === 1, 'puppet-style call refused');
    first.peer.close();
    await pollUntil([second.api], () => second.players.length === 1, 'player left');
    second.game.rpcId(1, 'request_action', 'roll');
    await pollUntil([second.api], () => second.log.filter((l) => /: rolls \d+$/.test(l)).length === 2, 'game goes on');
    second.peer.close();
  });

  it('/game4 runs the same game for Godot 4 clients: names, turns, rolls, cheating and host-only calls refused', async () => {
    const [alice, bob] = (await Promise.all(['alice', 'bob'].map((name) => joinGame4(name)))) as [Player4, Player4];
    const all = [alice.mp, bob.mp];
    await pollUntil(all, () => alice.players.length === 2 && bob.players.length === 2, 'both players listed');
    await pollUntil(all, () => alice.names.get(bob.mp.getUniqueId()) === 'bob', 'names');
    expect(demo.game4.game.names.get(alice.mp.getUniqueId())).toBe('alice');
    const first = alice.players[alice.turn] === alice.mp.getUniqueId() ? alice : bob;
    const second = first === alice ? bob : alice;
    second.game.rpcId(1, 'request_action', 'roll');
    const cheat = `Someone is trying to cheat! ${second.mp.getUniqueId()}`;
    await pollUntil(all, () => first.log.includes(cheat), 'cheat refused');
    first.game.rpcId(1, 'request_action', 'dance');
    await pollUntil(all, () => second.log.includes('Invalid action: dance'), 'unknown action refused');
    first.game.rpcId(1, 'request_action', 'roll');
    await pollUntil(all, () => second.log.some((l) => /: rolls \d+$/.test(l)), 'roll');
    await pollUntil(all, () => first.players[first.turn] === second.mp.getUniqueId(), 'next turn');
    const refused: string[] = [];
    demo.game4.multiplayer.on('rpc_refused', (_f, r) => refused.push(r));
    first.game.rpcId(1, 'set_turn', 0);
    await pollUntil(all, () => refused.length === 1, 'authority-only call refused');
    expect(demo.game4.game.turn).toBe(1);
    first.peer.close();
    await pollUntil([second.mp], () => second.players.length === 1, 'player left');
    second.game.rpcId(1, 'request_action', 'pass');
    await pollUntil([second.mp], () => second.log.some((l) => /: passes$/.test(l)), 'game goes on');
    second.peer.close();
  });

  it('survives garbage, bad handshakes and wrong protocols on every endpoint', async () => {
    for (const path of ['/echo', '/mirror', '/chat', '/chat/mp', '/game', '/game4']) {
      await new Promise<void>((resolve) => {
        const socket = connect(demo.port, '127.0.0.1', () => {
          socket.write(`GET ${path} HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x00\xff garbage`);
        });
        socket.on('error', () => {});
        socket.on('close', () => resolve());
        setTimeout(() => socket.destroy(), 200);
      });
      const wrong = await client(path, ['no-such-protocol']);
      expect(wrong.readyState).toBe(State.CLOSED);
      const raw = await client(
        path,
        path === '/mirror'
          ? ['lws-mirror-protocol']
          : path.startsWith('/chat')
            ? ['binary']
            : path.startsWith('/game')
              ? ['ludus']
              : [],
      );
      expect(raw.readyState).toBe(State.OPEN);
      raw.send(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0xff]));
      raw.send(new Uint8Array(70_000));
      await pollUntil(raw, () => raw.readyState === State.CLOSED || raw.getAvailablePacketCount() >= 0, 'sent');
      await sleep(20);
      raw.close(-1);
    }
    const echo = await client('/echo');
    echo.sendText('still alive');
    await pollUntil(echo, () => echo.getAvailablePacketCount() === 1, 'echo after garbage');
    expect(echo.getMessage()).toBe('still alive');
    expect(lines.some((l) => l.includes('Got data from client'))).toBe(true);
  });
});

interface Player {
  peer: WebSocketMultiplayerPeer;
  api: MultiplayerAPI;
  game: ReturnType<typeof gameNode>;
  players: number[];
  names: Map<number, string>;
  log: string[];
  turn: number;
}

function gameNode(api: MultiplayerAPI, p: Player) {
  return api.node(GAME_PATH, {
    methods: {
      set_player_name: { mode: 'master', handler: (_name: string) => {} },
      update_player_name: { mode: 'sync', handler: (id: number, name: string) => p.names.set(id, name) },
      request_action: { mode: 'master', handler: (_action: string) => {} },
      set_turn: { mode: 'sync', handler: (turn: number) => Object.assign(p, { turn }) },
      add_player: {
        mode: 'sync',
        handler: (id: number, name = '') => {
          p.players.push(id);
          p.names.set(id, name);
        },
      },
      del_player: { mode: 'sync', handler: (id: number) => p.players.splice(p.players.indexOf(id), 1) },
      _log: { mode: 'sync', handler: (what: string) => p.log.push(what) },
    },
  });
}

async function joinGame(name: string): Promise<Player> {
  const peer = new WebSocketMultiplayerPeer({ supportedProtocols: ['ludus'] });
  const api = new MultiplayerAPI(peer);
  const player = { peer, api, players: [], names: new Map(), log: [], turn: 0 } as unknown as Player;
  player.game = gameNode(api, player);
  api.on('connected_to_server', () => player.game.rpc('set_player_name', name));
  expect(peer.createClient(`${base}/game`)).toBe(ErrorCode.OK);
  await pollUntil(api, () => peer.getConnectionStatus() === 2, `${name} connected`);
  return player;
}

interface Player4 {
  peer: WebSocketMultiplayerPeer;
  mp: SceneMultiplayer;
  game: ReturnType<typeof game4Node>;
  players: number[];
  names: Map<number, string>;
  log: string[];
  turn: number;
}

/** A Godot 4 player's game node: the `@rpc` functions of the Godot 4 demo's `game.gd`. */
function game4Node(mp: SceneMultiplayer, p: Player4) {
  return mp.node(GAME_PATH, {
    methods: {
      set_player_name: { mode: 'any_peer', handler: (_name: string) => {} },
      request_action: { mode: 'any_peer', handler: (_action: string) => {} },
      update_player_name: { callLocal: true, handler: (id: number, name: string) => p.names.set(id, name) },
      set_turn: { callLocal: true, handler: (turn: number) => Object.assign(p, { turn }) },
      add_player: {
        callLocal: true,
        handler: (id: number, name = '') => {
          p.players.push(id);
          p.names.set(id, name);
        },
      },
      del_player: { callLocal: true, handler: (id: number) => p.players.splice(p.players.indexOf(id), 1) },
      _log: { handler: (what: string) => p.log.push(what) },
    },
  });
}

async function joinGame4(name: string): Promise<Player4> {
  const peer = new WebSocketMultiplayerPeer({ wire: 'godot4', supportedProtocols: ['ludus'] });
  const mp = new SceneMultiplayer(peer);
  const player = { peer, mp, players: [], names: new Map(), log: [], turn: 0 } as unknown as Player4;
  player.game = game4Node(mp, player);
  mp.on('connected_to_server', () => player.game.rpc('set_player_name', name));
  expect(peer.createClient(`${base}/game4`)).toBe(ErrorCode.OK);
  await pollUntil(mp, () => mp.getUniqueId() > 1 && peer.getConnectionStatus() === 2, `${name} connected`);
  return player;
}

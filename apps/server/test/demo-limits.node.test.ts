import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoServer, GAME_PATH, startDemoServer } from '@wspeer/demo-server';
import { pollUntil, sleep } from '@wspeer/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { nextMessage, opened, State, WebSocketPeer } from 'wspeer';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';

const HEARTBEAT = 0.25;
let demo: DemoServer;
let base: string;
const lines: string[] = [];

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'wspeer-demo-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>');
  demo = await startDemoServer({
    port: 0,
    host: '127.0.0.1',
    staticRoot: root,
    log: (l) => lines.push(l),
    heartbeatInterval: HEARTBEAT,
  });
  base = `ws://127.0.0.1:${demo.port}`;
});
afterAll(() => demo.close());

/** A raw `ws` client; `first` resolves with its first message (a Godot 3 room's SYS_ID). */
function rawClient(path: string, protocols: string[] = []): Promise<WebSocket & { first: Promise<Buffer> }> {
  const ws = new WebSocket(`${base}${path}`, protocols) as WebSocket & { first: Promise<Buffer> };
  ws.on('error', () => {});
  ws.first = new Promise((resolve) => ws.once('message', (data: Buffer) => resolve(data)));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function socketOf(ws: WebSocket): Socket {
  return (ws as unknown as { _socket: Socket })._socket;
}

describe('demo server limits', () => {
  it('logs a bounded quote of each message and at most 20 lines of a kind a second, whatever the traffic', async () => {
    const peer = new WebSocketPeer({ autoPoll: true });
    peer.connectToUrl(`${base}/echo`);
    await opened(peer, 2000);
    const before = lines.length;
    const big = 'x'.repeat(60_000);
    let echoed = 0;
    for (let i = 0; i < 100; i++) {
      peer.sendText(`${i} ${big}`);
      await nextMessage(peer, 2000);
      echoed++;
    }
    expect(echoed).toBe(100);
    const written = lines.slice(before);
    // Before: every line carried the whole 60 KB message (6 MB of log for 6 MB of echo).
    expect(written.join('\n').length).toBeLessThan(20_000);
    for (const line of written) expect(line.length).toBeLessThan(300);
    expect(written.some((l) => /^Got data from client \d+: \d+ x+… \(60003 bytes\) \.\.\. echoing$/.test(l))).toBe(
      true,
    );
    peer.close();
  });

  it('cuts an echo client that does not read its echoes instead of dropping them silently', async () => {
    const ws = await rawClient('/echo');
    socketOf(ws).pause();
    const before = lines.length;
    const big = Buffer.alloc(60_000, 1);
    for (let i = 0; i < 200 && ws.readyState === WebSocket.OPEN; i++) {
      ws.send(big);
      if (i % 10 === 9) await sleep(5);
    }
    // Before: every echo past the outbound limit vanished, and nothing said so.
    await pollUntil([], () => lines.slice(before).some((l) => l.includes('does not read what we send')), 'cut', 5000);
    expect(demo.stats().endpoints['/echo']?.cut).toMatchObject({ 'buffer-overflow': 1 });
    ws.terminate();
  });

  it('drops a dead player within two heartbeat intervals, and the game moves the turn on', async () => {
    const dead = await rawClient('/game', ['ludus']);
    const id = await dead.first;
    expect(id[0]).toBe(3);
    const deadId = id.readInt32LE(9);
    await pollUntil([], () => demo.game.game.players.includes(deadId), 'dead player listed');
    const alive = await joinGame();
    await pollUntil([alive.api], () => alive.players.length === 2, 'both listed');
    expect(demo.game.game.players[demo.game.game.turn]).toBe(deadId);
    socketOf(dead).pause(); // frozen: reads nothing, answers no ping
    const frozenAt = performance.now();
    // Before: the demo had no heartbeat; a frozen player kept the turn for good.
    await pollUntil([alive.api], () => !demo.game.game.players.includes(deadId), 'dead player dropped', 3000);
    expect(performance.now() - frozenAt).toBeLessThan(2 * HEARTBEAT * 1000 + 150);
    await pollUntil([alive.api], () => alive.players.length === 1, 'the other player hears it');
    expect(alive.players[alive.turn]).toBe(alive.api.getUniqueId());
    dead.terminate();
    alive.peer.close();
  });

  it('announces a cheater at most once a second', async () => {
    const a = await joinGame();
    const b = await joinGame();
    await pollUntil([a.api, b.api], () => a.players.length === 2 && b.players.length === 2, 'both listed');
    const cheater = a.players[a.turn] === a.api.getUniqueId() ? b : a;
    const watcher = cheater === a ? b : a;
    const suppressed = demo.game.game.cheatsSuppressed;
    const cheats = () => watcher.log.filter((l) => l.startsWith('Someone is trying to cheat!')).length;
    for (let i = 0; i < 10; i++) cheater.game.rpcId(1, 'request_action', 'roll');
    await pollUntil([], () => cheats() > 0, 'the cheater announced');
    await sleep(300);
    // Before: ten "cheat" broadcasts to every player.
    expect(cheats()).toBe(1);
    expect(demo.game.game.cheatsSuppressed).toBe(suppressed + 9);
    a.peer.close();
    b.peer.close();
    await pollUntil([], () => demo.game.game.players.length === 0, 'players left');
  });

  it('cuts a flood of out-of-turn calls before it reaches the game', async () => {
    const a = await joinGame();
    const b = await joinGame();
    await pollUntil([a.api, b.api], () => a.players.length === 2 && b.players.length === 2, 'both listed');
    const cheater = a.players[a.turn] === a.api.getUniqueId() ? b : a;
    const watcher = cheater === a ? b : a;
    for (let i = 0; i < 1000; i++) cheater.game.rpcId(1, 'request_action', 'roll');
    // Before: 1,000 calls made 1,000 "cheat" broadcasts to every player and 1,000 log lines.
    await pollUntil([cheater.api, watcher.api], () => cheater.peer.getConnectionStatus() === 0, 'cheater cut', 3000);
    await sleep(100);
    watcher.api.poll();
    expect(watcher.log.filter((l) => l.startsWith('Someone is trying to cheat!')).length).toBeLessThanOrEqual(1);
    expect(demo.stats().endpoints['/game']?.cut).toMatchObject({ 'rate-limit': 1 });
    watcher.peer.close();
  });
});

interface Player {
  peer: WebSocketMultiplayerPeer;
  api: MultiplayerAPI;
  game: ReturnType<typeof gameNode>;
  players: number[];
  log: string[];
  turn: number;
}

function gameNode(api: MultiplayerAPI, p: Player) {
  return api.node(GAME_PATH, {
    methods: {
      request_action: { mode: 'master', handler: (_action: string) => {} },
      set_turn: { mode: 'sync', handler: (turn: number) => Object.assign(p, { turn }) },
      add_player: { mode: 'sync', handler: (id: number) => p.players.push(id) },
      del_player: { mode: 'sync', handler: (id: number) => p.players.splice(p.players.indexOf(id), 1) },
      update_player_name: { mode: 'sync', handler: () => {} },
      _log: { mode: 'sync', handler: (what: string) => p.log.push(what) },
    },
  });
}

async function joinGame(): Promise<Player> {
  const peer = new WebSocketMultiplayerPeer({ supportedProtocols: ['ludus'] });
  const api = new MultiplayerAPI(peer, { autoPoll: true, log: null });
  const player = { peer, api, players: [], log: [], turn: 0 } as unknown as Player;
  player.game = gameNode(api, player);
  peer.createClient(`${base}/game`);
  await connected(peer, 3000);
  expect(peer.getPeer(1)?.readyState).toBe(State.OPEN);
  return player;
}

import { createServer as createNetServer, type Socket } from 'node:net';
import { GAME_PATH } from '@wspeer/demo-server';
import {
  ATTACK_BOUNDS,
  AttackSession,
  Child,
  HonestEcho,
  ROOM_MEMBER_ENTRY,
  recordAttack,
} from '@wspeer/test-kit/attack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseReason, State, WebSocketPeer } from 'wspeer';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';

/** Heartbeat of the targets in this file, seconds. */
const HEARTBEAT = 0.5;
/** Scheduling slack on a loaded CI machine on top of "within two intervals", ms. */
const SLACK_MS = 250;

/** What an honest player sees of the dice game. */
interface Player {
  api: MultiplayerAPI;
  peer: WebSocketMultiplayerPeer;
  players: number[];
  turn: number;
  leftAt: Map<number, number>;
}

async function joinAsPlayer(url: string): Promise<Player> {
  const peer = new WebSocketMultiplayerPeer({ supportedProtocols: ['ludus'] });
  const api = new MultiplayerAPI(peer, { autoPoll: true, log: null });
  const p: Player = { api, peer, players: [], turn: 0, leftAt: new Map() };
  api.node(GAME_PATH, {
    methods: {
      set_turn: { mode: 'sync', handler: (turn: number) => Object.assign(p, { turn }) },
      add_player: { mode: 'sync', handler: (id: number) => p.players.push(id) },
      del_player: {
        mode: 'sync',
        handler: (id: number) => {
          p.players.splice(p.players.indexOf(id), 1);
          p.leftAt.set(id, performance.now());
        },
      },
      update_player_name: { mode: 'sync', handler: () => {} },
      _log: { mode: 'sync', handler: () => {} },
    },
  });
  peer.createClient(url);
  await connected(peer, 5000);
  return p;
}

async function until(done: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('dead peers: a frozen client (SIGSTOP) is dropped within two heartbeat intervals', () => {
  it('public server: the room hears peer_disconnected', async () => {
    const session = await AttackSession.start({ target: 'public', heartbeatInterval: HEARTBEAT });
    const url = `ws://127.0.0.1:${session.port}/relay`;
    const honest = new WebSocketMultiplayerPeer({ autoPoll: true });
    const left = new Map<number, number>();
    honest.on('peer_disconnected', (id) => left.set(id, performance.now()));
    honest.createClient(url);
    await connected(honest, 5000);
    const member = new Child(ROOM_MEMBER_ENTRY, [url, '']);
    try {
      const { id } = (await member.ready) as { id: number };
      const echo = new HonestEcho();
      await echo.start(`ws://127.0.0.1:${session.port}/echo`);
      await new Promise((r) => setTimeout(r, HEARTBEAT * 1000));
      member.process.kill('SIGSTOP');
      const frozenAt = performance.now();
      // Before: WebSocketMultiplayerPeer had no heartbeat option; a frozen client stayed for good.
      await until(() => left.has(id), 'peer_disconnected of the frozen client', 4 * HEARTBEAT * 1000);
      const tookMs = (left.get(id) as number) - frozenAt;
      const probe = await echo.stop();
      recordAttack({
        layer: 'dead peers',
        attack: `SIGSTOP a room member (heartbeat ${HEARTBEAT} s)`,
        target: 'public',
        honest: probe,
        notes: { timeToPeerDisconnectedMs: Math.round(tookMs) },
      });
      expect(tookMs).toBeLessThan(2 * HEARTBEAT * 1000 + SLACK_MS);
      expect(probe.lost).toBe(0);
      expect(probe.p99Ms).toBeLessThan(ATTACK_BOUNDS.honestRttMs);
      expect(probe.worstMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
    } finally {
      member.process.kill('SIGKILL');
      honest.close();
      await session.stop();
    }
  });

  it('demo server: the dice game drops the frozen player and moves the turn on', async () => {
    const session = await AttackSession.start({ target: 'demo', heartbeatInterval: HEARTBEAT });
    const url = `ws://127.0.0.1:${session.port}/game`;
    const member = new Child(ROOM_MEMBER_ENTRY, [url, 'ludus']);
    let player: Player | null = null;
    try {
      const { id } = (await member.ready) as { id: number };
      player = await joinAsPlayer(url);
      const p = player;
      await until(() => p.players.length === 2, 'both players listed', 3000);
      expect(p.players[p.turn]).toBe(id);
      member.process.kill('SIGSTOP');
      const frozenAt = performance.now();
      // Before: the demo had no heartbeat: the frozen player kept the turn for good.
      await until(() => p.leftAt.has(id), 'the frozen player removed', 4 * HEARTBEAT * 1000);
      const tookMs = (p.leftAt.get(id) as number) - frozenAt;
      await until(() => p.players[p.turn] === p.api.getUniqueId(), 'the turn passed on', 1000);
      recordAttack({
        layer: 'dead peers',
        attack: `SIGSTOP the player holding the turn (heartbeat ${HEARTBEAT} s)`,
        target: 'demo',
        notes: { timeToPeerDisconnectedMs: Math.round(tookMs), turnPassedOn: true },
      });
      expect(tookMs).toBeLessThan(2 * HEARTBEAT * 1000 + SLACK_MS);
    } finally {
      member.process.kill('SIGKILL');
      player?.peer.close();
      await session.stop();
    }
  });
});

describe('dead servers: a Node client does not wait forever', () => {
  let blackHole: ReturnType<typeof createNetServer>;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    blackHole = createNetServer((socket) => {
      sockets.push(socket);
      socket.resume();
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    for (const s of sockets) s.destroy();
    blackHole.close();
  });

  it('fails a handshake the server never answers after handshakeTimeout (default 3 s)', async () => {
    const port = (blackHole.address() as { port: number }).port;
    const peers = Array.from({ length: 20 }, () => new WebSocketPeer({ autoPoll: true }));
    const started = performance.now();
    for (const peer of peers) peer.connectToUrl(`ws://127.0.0.1:${port}/`);
    // Before: CONNECTING for as long as the server keeps the sockets open.
    await until(() => peers.every((p) => p.readyState === State.CLOSED), 'every client gave up', 5000);
    const tookMs = performance.now() - started;
    recordAttack({
      layer: 'dead peers',
      attack: '20 Node clients against a server that accepts TCP and never answers',
      target: 'black hole',
      notes: { timeToGiveUpMs: Math.round(tookMs) },
    });
    expect(tookMs).toBeGreaterThanOrEqual(2900);
    expect(tookMs).toBeLessThan(3000 + SLACK_MS * 2);
    for (const peer of peers) expect(peer.lastErrorMessage).toBe(CloseReason.HANDSHAKE_TIMEOUT);
  });
});

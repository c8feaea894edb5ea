/**
 * One multiplayer room across three Node processes over a real Redis (Debian's `redis-server`, on
 * a free port, no persistence): wspeer clients of the Godot 3 wire and of the Godot 4 wire
 * (SceneMultiplayer) on different nodes see each other, exchange raw packets and RPCs with the true
 * sender, `-N` exclusions hold across nodes, the server-side API reaches remote peers; a node killed
 * with kill -9 has its peers announced gone within its lease and its ids freed; a Redis restart is
 * reported, local clients keep being served, the nodes re-register and nothing is delivered twice.
 */
import { execFileSync } from 'node:child_process';
import { pollUntil, sleep } from '@wspeer/test-kit';
import { startRedis, type TestRedis } from '@wspeer/test-kit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';
import { SceneMultiplayer } from 'wspeer/scene';
import { type Call, probeNode } from '../../rpc/test/rpc-probe.js';
import { type ClusterNode, redisGet, startClusterNode } from './cluster-node.js';

// The default lease: shorter ones risk declaring a node gone on a machine too loaded to run its beat timer in time.
const LEASE_MS = 3000;
const text = new TextDecoder();
const bytes = (s: string) => new TextEncoder().encode(s);

let redis: TestRedis;
let nodes: ClusterNode[];
const cleanup: Array<() => unknown> = [];

beforeAll(async () => {
  redis = await startRedis();
  nodes = await Promise.all([0, 1, 2].map(() => startClusterNode(redis.url, LEASE_MS)));
}, 60_000);

afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  await Promise.all((nodes ?? []).map((n) => n.process.stop()));
  await redis?.stop();
});

/** A raw Godot 3 wire client recording every packet with its sender, and who joined and left. */
async function rawClient(node: ClusterNode) {
  const peer = new WebSocketMultiplayerPeer({ autoPoll: true });
  cleanup.push(() => peer.close());
  const got: string[] = [];
  const joined = new Set<number>();
  const left: number[] = [];
  peer.on('peer_packet', () => {
    while (peer.getAvailablePacketCount() > 0) {
      const from = peer.getPacketPeer();
      got.push(`${from}:${text.decode(peer.getPacket())}`);
    }
  });
  peer.on('peer_connected', (id) => joined.add(id));
  peer.on('peer_disconnected', (id) => {
    joined.delete(id);
    left.push(id);
  });
  expect(peer.createClient(`ws://127.0.0.1:${node.g3}/`)).toBe(ErrorCode.OK);
  const id = await connected(peer, 5000);
  const send = (to: number, message: string) => {
    peer.setTargetPeer(to);
    return peer.putPacket(bytes(message));
  };
  return { peer, id, got, joined, left, send };
}

/** Our Godot 3 RPC client (MultiplayerAPI with the interop tests' Probe node), polled like a game loop. */
async function rpcClient(node: ClusterNode) {
  const peer = new WebSocketMultiplayerPeer();
  const api = new MultiplayerAPI(peer);
  const calls: Call[] = [];
  const probe = probeNode(api, 'Probe', calls);
  const loop = setInterval(() => api.poll(), 1);
  cleanup.push(() => {
    clearInterval(loop);
    peer.close();
  });
  expect(peer.createClient(`ws://127.0.0.1:${node.g3}/`)).toBe(ErrorCode.OK);
  const id = await connected(peer, 5000);
  return { peer, api, id, probe, calls };
}

const until = (done: () => boolean, what: string, timeoutMs = 5000) => pollUntil([], done, what, timeoutMs);

describe('one room across three Node processes over Redis', { timeout: 60_000 }, () => {
  it('Godot 3 wire: clients on three nodes see each other, relay and broadcast with the true sender and -N exclusions', async () => {
    const [a, b, c] = [await rawClient(nodes[0]), await rawClient(nodes[1]), await rawClient(nodes[2])];
    const ids = [a.id, b.id, c.id];
    expect(new Set(ids).size).toBe(3);
    for (const client of [a, b, c]) {
      await until(() => ids.every((id) => id === client.id || client.joined.has(id)), `${client.id} to see the others`);
    }
    // Peer ids are reserved in Redis by the node that serves them.
    expect(redisGet(redis.port, `g3:id:${a.id}`)).toBe(nodes[0]?.node);

    expect(a.send(c.id, 'a to c')).toBe(ErrorCode.OK);
    expect(c.send(0, 'c to all')).toBe(ErrorCode.OK);
    expect(b.send(-a.id, 'b to all but a')).toBe(ErrorCode.OK);
    await until(() => c.got.length === 2 && a.got.length === 1 && b.got.length === 1, 'the packets');
    await sleep(200);
    // Each sender's packets keep their order; packets of senders on different nodes may interleave either way.
    expect([...c.got].sort()).toEqual([`${a.id}:a to c`, `${b.id}:b to all but a`].sort());
    expect(a.got).toEqual([`${c.id}:c to all`]);
    expect(b.got).toEqual([`${c.id}:c to all`]);

    // A client leaving node B is announced on A and C (SYS_DEL).
    b.peer.close();
    await until(() => a.left.includes(b.id) && c.left.includes(b.id), 'b to be gone everywhere');
    a.peer.close();
    c.peer.close();
  });

  it('Godot 3 RPC: clients on nodes A and C call each other with the path cache, through two servers and Redis', async () => {
    const a = await rpcClient(nodes[0]);
    const c = await rpcClient(nodes[2]);
    await until(() => a.api.getNetworkConnectedPeers().includes(c.id), 'a to see c');
    expect(a.probe.rpcId(c.id, 'relay_ping', 'one')).toBe(ErrorCode.OK);
    await until(() => c.calls.some((x) => x.fn === 'relay_ping'), 'the ping on c');
    expect(c.probe.rpcId(a.id, 'relay_pong', 'one', c.id)).toBe(ErrorCode.OK);
    expect(a.probe.rpcId(c.id, 'relay_ping', 'two ✓')).toBe(ErrorCode.OK);
    await until(() => a.calls.length === 1 && c.calls.length === 2, 'pong and second ping');
    expect(c.calls).toEqual([
      { node: 'Probe', fn: 'relay_ping', sender: a.id, args: ['one'] },
      { node: 'Probe', fn: 'relay_ping', sender: a.id, args: ['two ✓'] },
    ]);
    expect(a.calls).toEqual([{ node: 'Probe', fn: 'relay_pong', sender: c.id, args: ['one', c.id] }]);
  });

  it('the server API reaches peers of other nodes: getPeerIds, a send to a peer id, disconnectPeer', async () => {
    const a = await rawClient(nodes[0]);
    const b = await rawClient(nodes[1]);
    await until(() => a.joined.has(b.id) && b.joined.has(a.id), 'a and b to see each other');
    // Node C hears of a and b through Redis: ask (one question at a time) until its getPeerIds lists both.
    let questions = 0;
    await until(() => {
      const answers = (nodes[2]?.events() ?? []).filter((e) => e.event === 'peers');
      const last = answers.at(-1)?.ids as number[] | undefined;
      if (last?.includes(a.id) && last.includes(b.id)) return true;
      if (answers.length === questions) {
        nodes[2]?.command('peers g3');
        questions++;
      }
      return false;
    }, 'getPeerIds on node C to list a and b');

    nodes[2]?.command(`send g3 ${b.id} from the server of node C`);
    expect((await nodes[2]?.waitFor((e) => e.event === 'sent', 'the send'))?.err).toBe(ErrorCode.OK);
    await until(() => b.got.length === 1, 'the packet of node C');
    expect(b.got).toEqual(['1:from the server of node C']);

    nodes[2]?.command(`kick g3 ${a.id}`);
    await until(() => a.peer.getConnectionStatus() === 0, 'a to be disconnected by node C');
    await until(() => b.left.includes(a.id), 'b to hear that a left');
    b.peer.close();
  });

  it('Godot 4 wire: SceneMultiplayer clients on two nodes see each other, call RPCs and send bytes through the relay', async () => {
    const client = async (node: ClusterNode) => {
      const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
      const scene = new SceneMultiplayer(peer, { autoPoll: true });
      const calls: Array<{ from: number; text: string }> = [];
      const raw: string[] = [];
      const joined = new Set<number>();
      const left: number[] = [];
      scene.on('peer_connected', (id) => joined.add(id));
      scene.on('peer_disconnected', (id) => left.push(id));
      scene.on('peer_packet', (id, packet) => raw.push(`${id}:${text.decode(packet)}`));
      const main = scene.node('Main', {
        methods: {
          hello: {
            mode: 'any_peer',
            args: ['String'],
            handler: (t: string) => {
              calls.push({ from: scene.getRemoteSenderId(), text: t });
            },
          },
        },
      });
      cleanup.push(() => peer.close());
      expect(peer.createClient(`ws://127.0.0.1:${node.g4}/`)).toBe(ErrorCode.OK);
      const id = await connected(peer, 5000);
      return { peer, scene, main, id, calls, raw, joined, left };
    };
    const a = await client(nodes[0]);
    const b = await client(nodes[1]);
    const c = await client(nodes[2]);
    for (const x of [a, b, c]) {
      await until(() => [a, b, c].every((y) => y === x || x.joined.has(y.id)), `${x.id} to see the others`);
    }
    expect(a.main.rpcId(b.id, 'hello', 'a to b')).toBe(ErrorCode.OK);
    expect(b.main.rpc('hello', 'b to all')).toBe(ErrorCode.OK);
    expect(c.scene.sendBytes(bytes('c to all but a'), -a.id)).toBe(ErrorCode.OK);
    await until(() => b.calls.length === 1 && a.calls.length === 1 && c.calls.length === 1, 'the calls');
    await until(() => b.raw.length === 1, 'the bytes');
    await sleep(200);
    expect(b.calls).toEqual([{ from: a.id, text: 'a to b' }]);
    expect(a.calls).toEqual([{ from: b.id, text: 'b to all' }]);
    expect(c.calls).toEqual([{ from: b.id, text: 'b to all' }]);
    expect(b.raw).toEqual([`${c.id}:c to all but a`]);
    expect(a.raw).toEqual([]);
    // Each client was announced once to each other client (ADD_PEER from its own server only).
    expect([...a.joined].sort()).toEqual([1, b.id, c.id].sort());
    c.peer.close();
    await until(() => a.left.includes(c.id) && b.left.includes(c.id), 'c to be gone everywhere (DEL_PEER)');
    expect(a.left).toEqual([c.id]);
  });

  it('a node killed with kill -9: its peers are announced gone everywhere within the lease, its ids freed', async () => {
    const a = await rawClient(nodes[0]);
    const c = await rawClient(nodes[2]);
    await until(() => a.joined.has(c.id), 'a to see c');
    expect(redisGet(redis.port, `g3:id:${c.id}`)).toBe(nodes[2]?.node);
    const lostBefore = (nodes[0]?.events() ?? []).filter((e) => e.event === 'node_lost').length;
    const killedAt = performance.now();
    nodes[2]?.process.kill('SIGKILL');
    // C's socket dies with it: c's own client sees the server go; A announces c gone after C's lease.
    await until(() => a.left.includes(c.id), 'a to hear that c left', 3 * LEASE_MS + 3000);
    const took = performance.now() - killedAt;
    // Silent for a lease, noticed at the next beat (a third of it), then a poll.
    expect(took).toBeLessThan(LEASE_MS + LEASE_MS / 3 + 1500);
    await until(() => redisGet(redis.port, `g3:id:${c.id}`) === null, 'the id lease to expire', 2 * LEASE_MS);
    const lost = (nodes[0]?.events() ?? []).filter((e) => e.event === 'node_lost').slice(lostBefore);
    // C's clients: c, and the RPC client an earlier test left on it.
    const lostC = lost.find((e) => e.ns === 'g3' && e.node === nodes[2]?.node);
    expect(lostC?.peers, JSON.stringify(lost)).toBe(2);
    a.peer.close();
  });

  it('a Redis restart is reported; local clients are served meanwhile; nodes re-register; nothing twice', async () => {
    const a1 = await rawClient(nodes[0]);
    const a2 = await rawClient(nodes[0]);
    const b = await rawClient(nodes[1]);
    await until(() => a1.joined.has(b.id) && b.joined.has(a1.id), 'a1 and b to see each other');
    const restart = redis.restart();
    await nodes[0]?.waitFor((e) => e.event === 'redis_down' && e.ns === 'g3', 'redis_down on A');
    // Local traffic does not need Redis.
    expect(a1.send(a2.id, 'local while down')).toBe(ErrorCode.OK);
    await until(() => a2.got.includes(`${a1.id}:local while down`), 'a local packet while Redis is down');
    await restart;
    await nodes[0]?.waitFor((e) => e.event === 'redis_up' && e.ns === 'g3', 'redis_up on A', 10_000);
    await nodes[1]?.waitFor((e) => e.event === 'redis_up' && e.ns === 'g3', 'redis_up on B', 10_000);
    // The new Redis is empty: the nodes re-registered their clients' ids.
    await until(() => redisGet(redis.port, `g3:id:${a1.id}`) === nodes[0]?.node, 'a1 re-registered', 5000);
    await until(() => redisGet(redis.port, `g3:id:${b.id}`) === nodes[1]?.node, 'b re-registered', 5000);
    // Both sides know each other again (after a lease without news they may have been announced gone and back).
    await until(() => a1.joined.has(b.id) && b.joined.has(a1.id), 'a1 and b to see each other again', 10_000);
    const before = b.got.length;
    for (let i = 0; i < 20; i++) expect(a1.send(b.id, `after ${i}`)).toBe(ErrorCode.OK);
    await until(() => b.got.length >= before + 20, 'the packets after the restart');
    await sleep(300);
    expect(b.got.slice(before)).toEqual(Array.from({ length: 20 }, (_, i) => `${a1.id}:after ${i}`));
  });

  it('a subscriber connection Redis drops (as it does a slow one) is reported and recovered on its own', async () => {
    const a = await rawClient(nodes[0]);
    const b = await rawClient(nodes[1]);
    await until(() => a.joined.has(b.id) && b.joined.has(a.id), 'a and b to see each other');
    const ups = (nodes[1]?.events() ?? []).filter((e) => e.event === 'redis_up').length;
    execFileSync('redis-cli', ['-p', String(redis.port), 'CLIENT', 'KILL', 'TYPE', 'pubsub'], { timeout: 5000 });
    await until(
      () => (nodes[1]?.events() ?? []).filter((e) => e.event === 'redis_up').length > ups,
      'redis_up on B',
      10_000,
    );
    await until(() => a.joined.has(b.id) && b.joined.has(a.id), 'a and b to see each other again', 10_000);
    const before = a.got.length;
    expect(b.send(a.id, 'after the subscriber came back')).toBe(ErrorCode.OK);
    await until(() => a.got.length > before, 'a packet from b after the subscriber came back');
    expect(a.got.slice(before)).toEqual([`${b.id}:after the subscriber came back`]);
  });
});

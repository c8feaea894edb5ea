/**
 * The cluster benchmark (`node apps/bench/dist/cluster/cluster-bench.js`): relay over the `godot3`
 * wire with 300 peers on one server process, against 3 server processes x 100 peers in one Redis
 * room (Debian's `redis-server`, started here on a free port, no persistence), in one run.
 *
 * For each layout: latency at a light fixed load (every peer sends one message to its ring successor
 * every 100 ms; one-way times from the timestamp in the payload, client to server(s) to client) and
 * throughput with a closed loop (every peer keeps 4 messages in flight to its successor), with the
 * CPU time every server process and Redis spent per relayed message. In the cluster, the ring
 * either stays on each node ("local") or hops to the next node with every message ("cross-node").
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BenchSocket } from '../client/bench-socket.js';
import { clientFrame, Opcode } from '../client/client-frame.js';
import { GODOT3_HEADER_SIZE, Godot3Type, godot3Message } from '../client/godot3-message.js';
import { closeConnections, openConnections } from '../client/open-connections.js';
import { sleep } from '../load/sleep.js';

const NODE_MAIN = fileURLToPath(new URL('./cluster-node-main.js', import.meta.url));
const quick = process.argv.includes('--quick');
const PEERS = 300;
const WINDOW_MS = quick ? 1000 : 3000;
const LIGHT_INTERVAL_MS = 100;
/** The light load is spread over the interval: a tenth of the peers send every tenth of it (no burst of 300). */
const LIGHT_SLICES = 10;
const PING_PONGS = quick ? 100 : 300;
const TOKENS = 4;
const PAYLOAD = 32;
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
setTimeout(() => {
  console.error('cluster bench: over its 5 minute bound, stopping');
  process.exit(2);
}, 300_000).unref();

/** CPU seconds (user + system) a process spent so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what}: no ${pattern} in 15 s\n${text}`)), 15_000);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n').find((l) => pattern.test(l));
      if (line === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(line);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited (${code})\n${text}`)));
  });
}

async function startRedis(): Promise<{ url: string; pid: number; stop: () => void }> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('/usr/bin/redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await waitForLine(child, /Ready to accept connections/, 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid as number, stop: () => child.kill('SIGKILL') };
}

async function startNode(redisUrl: string | undefined): Promise<{ port: number; pid: number; stop: () => void }> {
  const args = [NODE_MAIN, ...(redisUrl === undefined ? [] : [redisUrl])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const line = await waitForLine(child, /"port"/, 'cluster node');
  return { port: JSON.parse(line).port as number, pid: child.pid as number, stop: () => child.kill('SIGKILL') };
}

/** Waits for the server's ID message of each socket and keeps the id. */
class Handshake {
  readonly path = '/';
  readonly ids = new Map<BenchSocket, number>();
  prepare(socket: BenchSocket): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ID message')), 10_000);
      socket.listen((opcode, data, start, end) => {
        if (opcode !== Opcode.BINARY || end - start < GODOT3_HEADER_SIZE + 4 || data[start] !== Godot3Type.ID) return;
        this.ids.set(socket, data.readInt32LE(start + GODOT3_HEADER_SIZE));
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

interface Peer {
  socket: BenchSocket;
  id: number;
}

/** Opens `count` peers on `port`. */
async function openPeers(port: number, count: number): Promise<Peer[]> {
  const handshake = new Handshake();
  const sockets = await openConnections(port, handshake, count);
  return sockets.map((socket) => ({ socket, id: handshake.ids.get(socket) as number }));
}

interface Phase {
  messages: number;
  perSecond: number;
  p50: number;
  p99: number;
  lost: number;
}

/**
 * Runs one phase over a ring (`ring[i]` sends to `ring[i + 1]`): `light` sends one message per peer
 * every 100 ms; otherwise each peer keeps TOKENS messages in flight. Latency is one way, from the
 * timestamp each message carries (one clock: this process sends and receives).
 */
async function runRing(rings: Peer[][], light: boolean): Promise<Phase> {
  const samples: number[] = [];
  let received = 0;
  let sent = 0;
  let measuring = false;
  let stopping = false;
  const payload = Buffer.alloc(PAYLOAD);
  const frameFor = (me: number, to: number) => {
    payload.writeDoubleLE(performance.now(), 0);
    return clientFrame(Opcode.BINARY, godot3Message(Godot3Type.DATA, me, to, payload));
  };
  const pairs: Array<[Peer, Peer]> = [];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) pairs.push([ring[i] as Peer, ring[(i + 1) % ring.length] as Peer]);
  }
  for (const [peer, next] of pairs) {
    peer.socket.listen((opcode, data, start) => {
      if (opcode !== Opcode.BINARY || data[start] !== Godot3Type.DATA) return;
      received++;
      if (measuring) samples.push(performance.now() - data.readDoubleLE(start + GODOT3_HEADER_SIZE));
      if (!light && !stopping) {
        peer.socket.send(frameFor(peer.id, next.id));
        peer.socket.flush();
        sent++;
      }
    });
  }
  let timer: ReturnType<typeof setInterval> | undefined;
  if (light) {
    let slice = 0;
    timer = setInterval(() => {
      for (let i = slice; i < pairs.length; i += LIGHT_SLICES) {
        const [peer, next] = pairs[i] as [Peer, Peer];
        peer.socket.send(frameFor(peer.id, next.id));
        peer.socket.flush();
        sent++;
      }
      slice = (slice + 1) % LIGHT_SLICES;
    }, LIGHT_INTERVAL_MS / LIGHT_SLICES);
  } else {
    for (const [peer, next] of pairs) {
      for (let t = 0; t < TOKENS; t++) peer.socket.send(frameFor(peer.id, next.id));
      peer.socket.flush();
      sent += TOKENS;
    }
  }
  await sleep(500);
  const before = received;
  measuring = true;
  const startedAt = performance.now();
  await sleep(WINDOW_MS);
  measuring = false;
  const messages = received - before;
  const elapsed = (performance.now() - startedAt) / 1000;
  stopping = true;
  clearInterval(timer);
  for (let waited = 0; received < sent && waited < 3000; waited += 20) await sleep(20);
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
  return { messages, perSecond: messages / elapsed, p50: at(0.5), p99: at(0.99), lost: sent - received };
}

/**
 * Round trips one at a time between `a` and `b` (b echoes to a through the server(s)): the latency of
 * the path itself, nothing queued. Returns the median and p99 in ms.
 */
async function pingPong(a: Peer, b: Peer): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  let started = 0;
  let resolveOne: () => void = () => {};
  const payload = Buffer.alloc(PAYLOAD);
  const toB = clientFrame(Opcode.BINARY, godot3Message(Godot3Type.DATA, a.id, b.id, payload));
  const toA = clientFrame(Opcode.BINARY, godot3Message(Godot3Type.DATA, b.id, a.id, payload));
  b.socket.listen((opcode, data, start) => {
    if (opcode !== Opcode.BINARY || data[start] !== Godot3Type.DATA) return;
    b.socket.send(toA);
    b.socket.flush();
  });
  a.socket.listen((opcode, data, start) => {
    if (opcode !== Opcode.BINARY || data[start] !== Godot3Type.DATA) return;
    times.push(performance.now() - started);
    resolveOne();
  });
  for (let i = 0; i < PING_PONGS; i++) {
    const done = new Promise<void>((resolve) => {
      resolveOne = resolve;
    });
    started = performance.now();
    a.socket.send(toB);
    a.socket.flush();
    await Promise.race([done, sleep(2000)]);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

interface Row extends Phase {
  layout: string;
  latency: Phase;
  serverUsPerMessage: number;
  redisUsPerMessage: number;
}

async function measure(layout: string, rings: Peer[][], servers: number[], redisPid: number | null): Promise<Row> {
  const latency = await runRing(rings, true);
  const cpu = () => servers.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const serverBefore = cpu();
  const redisBefore = redisPid === null ? 0 : cpuSeconds(redisPid);
  const load = await runRing(rings, false);
  const perMessage = (seconds: number) => (seconds * 1e6) / Math.max(1, load.messages);
  const row: Row = {
    layout,
    ...load,
    latency,
    serverUsPerMessage: perMessage(cpu() - serverBefore),
    redisUsPerMessage: redisPid === null ? 0 : perMessage(cpuSeconds(redisPid) - redisBefore),
  };
  console.log(
    `${layout}: light p50 ${latency.p50.toFixed(2)} ms p99 ${latency.p99.toFixed(2)} ms; ` +
      `loaded ${Math.round(load.perSecond)} msg/s, servers ${row.serverUsPerMessage.toFixed(1)} us/msg, ` +
      `redis ${row.redisUsPerMessage.toFixed(1)} us/msg, lost ${latency.lost + load.lost}`,
  );
  return row;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  // One node, 300 peers.
  const single = await startNode(undefined);
  const alone = await openPeers(single.port, PEERS);
  rows.push(await measure(`1 node x ${PEERS} peers`, [alone], [single.pid], null));
  await closeConnections(alone.map((p) => p.socket));
  single.stop();

  // Three nodes x 100 peers in one Redis room.
  const redis = await startRedis();
  const nodes = [];
  for (let i = 0; i < 3; i++) nodes.push(await startNode(redis.url));
  const perNode = await Promise.all(nodes.map((n) => openPeers(n.port, PEERS / 3)));
  await sleep(1500); // every node hears every join
  const pids = nodes.map((n) => n.pid);
  // Local: each node's 100 peers in a ring of their own (three rings at once).
  rows.push(await measure('3 nodes x 100, local relay', perNode, pids, redis.pid));
  // Cross-node: one ring of 300 alternating nodes, so every message goes through Redis.
  const crossRing: Peer[] = [];
  for (let i = 0; i < PEERS / 3; i++) for (const ring of perNode) crossRing.push(ring[i] as Peer);
  rows.push(await measure('3 nodes x 100, cross-node relay', [crossRing], pids, redis.pid));
  const [a0, a1] = perNode[0] as Peer[];
  const [b0] = perNode[1] as Peer[];
  const localRtt = await pingPong(a0 as Peer, a1 as Peer);
  const crossRtt = await pingPong(a0 as Peer, b0 as Peer);
  await Promise.all(perNode.map((ring) => closeConnections(ring.map((p) => p.socket))));
  for (const node of nodes) node.stop();
  redis.stop();

  const [one, , cross] = rows as [Row, Row, Row];
  const localRow = rows[1] as Row;
  console.log('\n| layout | light load p50 / p99 (ms) | closed loop msg/s | servers CPU us/msg | Redis CPU us/msg |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.layout} | ${r.latency.p50.toFixed(2)} / ${r.latency.p99.toFixed(2)} | ${Math.round(r.perSecond)} | ` +
        `${r.serverUsPerMessage.toFixed(1)} | ${r.redisUsPerMessage.toFixed(1)} |`,
    );
  }
  console.log(
    `\nround trips one at a time (client -> server(s) -> client and back), ${PING_PONGS} each:` +
      `\n  same node:  p50 ${localRtt.p50.toFixed(3)} ms, p99 ${localRtt.p99.toFixed(3)} ms` +
      `\n  cross-node: p50 ${crossRtt.p50.toFixed(3)} ms, p99 ${crossRtt.p99.toFixed(3)} ms` +
      ` (${(crossRtt.p50 / localRtt.p50).toFixed(1)}x, +${((crossRtt.p50 - localRtt.p50) / 2).toFixed(3)} ms one way)`,
  );
  const ratio = cross.latency.p99 / localRow.latency.p99;
  console.log(
    `\ncross-node p99 / local p99 (same cluster, light load): ${ratio.toFixed(2)}x (goal <= 2x)` +
      `\ncross-node p99 / one-node p99: ${(cross.latency.p99 / one.latency.p99).toFixed(2)}x` +
      `\ncost of a cross-node packet: ${(cross.serverUsPerMessage + cross.redisUsPerMessage - one.serverUsPerMessage).toFixed(1)} us of CPU more than a relay on one node` +
      ` (servers ${cross.serverUsPerMessage.toFixed(1)} + Redis ${cross.redisUsPerMessage.toFixed(1)} vs ${one.serverUsPerMessage.toFixed(1)})`,
  );
  process.exit(0);
}

await main();

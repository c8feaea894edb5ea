/**
 * Resume time after a drop: a `Resume` client streams to a wspeer server (which echoes) while the
 * server destroys its socket, `--drops` times (default 50); each resume is timed from the drop to
 * the `reconnected` signal, and every echo is checked to arrive once and in order. A second run
 * swallows the link instead (a TCP proxy that drops everything, `--silent` times, default 10), where
 * detection (three beats without news) dominates. Prints p50/p99. Bounded: every wait times out.
 *
 *   node apps/bench/dist/resume-bench.js [--drops 50] [--silent 10]
 */
import { createServer, type Socket, connect as tcpConnect } from 'node:net';
import { ErrorCode } from 'wspeer';
import { connected, Resume, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
}

/** A TCP proxy whose live connections can be made to swallow everything. */
async function proxy(target: number) {
  const pairs = new Set<[Socket, Socket]>();
  const server = createServer((a) => {
    const b = tcpConnect(target, '127.0.0.1');
    const pair: [Socket, Socket] = [a, b];
    pairs.add(pair);
    a.pipe(b);
    b.pipe(a);
    const end = (): void => {
      pairs.delete(pair);
      a.destroy();
      b.destroy();
    };
    for (const s of pair) s.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    blackhole(): void {
      for (const [a, b] of pairs) {
        a.unpipe(b);
        b.unpipe(a);
        a.on('data', () => {});
        b.on('data', () => {});
        pairs.delete([a, b]);
      }
      pairs.clear();
    },
    close(): void {
      server.close();
    },
  };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

async function run(drops: number, silent: boolean): Promise<number[]> {
  const server = new WebSocketMultiplayerPeer({ autoPoll: true, log: null, resumeGrace: 10 });
  server.createServer(0, '127.0.0.1');
  const port = await server.listening(5000);
  server.on('peer_packet', () => {
    while (server.getAvailablePacketCount() > 0) {
      server.setTargetPeer(server.getPacketPeer());
      server.putPacket(server.getPacket());
    }
  });
  let leaves = 0;
  server.on('peer_disconnected', () => leaves++);
  const link = await proxy(port);
  const resume = new Resume({ minDelay: 0.001, maxDelay: 0.05, beatInterval: 0.05, maxAttempts: 100 });
  let reconnectedAt = 0;
  resume.on('reconnected', () => {
    reconnectedAt = performance.now();
  });
  const client = new WebSocketMultiplayerPeer({ autoPoll: true, reconnect: resume });
  let next = 0;
  client.on('peer_packet', () => {
    while (client.getAvailablePacketCount() > 0) {
      const p = client.getPacket();
      const n = (p[0] as number) | ((p[1] as number) << 8) | ((p[2] as number) << 16);
      if (n !== next) throw new Error(`echo ${n} arrived when ${next} was expected`);
      next++;
    }
  });
  client.createClient(`ws://127.0.0.1:${link.port}/`);
  const id = await connected(client, 5000);
  const times: number[] = [];
  let sent = 0;
  const send = (): void => {
    client.setTargetPeer(1);
    if (client.putPacket(new Uint8Array([sent & 255, (sent >> 8) & 255, sent >> 16])) === ErrorCode.OK) sent++;
  };
  for (let i = 0; i < drops; i++) {
    for (let k = 0; k < 50; k++) send();
    await sleep(5);
    const before = reconnectedAt;
    const at = performance.now();
    if (silent) link.blackhole();
    else server.getPeer(id)?.close(-1);
    for (let k = 0; k < 20; k++) send(); // in flight across the drop
    await until(() => reconnectedAt !== before, `resume ${i + 1}`);
    times.push(reconnectedAt - at);
  }
  await until(() => next === sent, 'every echo');
  if (client.getUniqueId() !== id || leaves !== 0) throw new Error('the id changed or the server saw a leave');
  client.close();
  server.close();
  link.close();
  return times.sort((a, b) => a - b);
}

const show = (label: string, t: number[]): void =>
  console.log(
    `${label}: ${t.length} drops, resume p50 ${percentile(t, 50).toFixed(1)} ms, p99 ${percentile(t, 99).toFixed(1)} ms, max ${(t.at(-1) as number).toFixed(1)} ms`,
  );

show('server-side socket destroy', await run(option('drops', 50), false));
show('silent link (beat 50 ms: detected after 150 ms without news)', await run(option('silent', 10), true));

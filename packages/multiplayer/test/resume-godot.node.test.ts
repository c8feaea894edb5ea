/**
 * Resume next to a real Godot 3.2.3 client (`mp_client.gd`, direct mode, echoing every packet to
 * its sender) in the same room of a wspeer server: a `Resume` client (behind a TCP proxy) streams
 * to the Godot client while its link is destroyed by the server, then swallowed by the proxy. The
 * Godot client sees none of it: no leave, every packet once and in order, its echoes all delivered.
 * When the grace runs out, it sees exactly one leave.
 */
import { type GodotProcess, startGodot, startTcpProxy } from '@wspeer/test-kit/node';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { connected, Resume, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(done: () => boolean, what: () => string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await sleep(5);
  }
}

/** Packet `n` of the stream: tag 5, then `n` (16 bits, little-endian). */
const packet = (n: number): Uint8Array => new Uint8Array([5, n & 255, n >> 8]);
const hexOf = (n: number): string => Buffer.from(packet(n)).toString('hex');

describe('Resume next to a Godot 3.2.3 client', () => {
  it('the Godot client in the room sees nothing of a drop and resume, and one leave when the grace expires', async () => {
    const server = new WebSocketMultiplayerPeer({ autoPoll: true, log: null, resumeGrace: 3 });
    cleanup.push(() => server.close());
    expect(server.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
    const port = await server.listening(5000);
    const proxy = await startTcpProxy(port);
    cleanup.push(() => proxy.close());
    const godot: GodotProcess = startGodot(
      'mp_client.gd',
      { url: `ws://127.0.0.1:${port}/`, mode: 'direct', echo: 1, lifetime: 60 },
      90_000,
    );
    cleanup.push(() => godot.stop());
    const godotId = Number((await godot.waitFor('connection_succeeded', 15_000)).id);

    const resume = new Resume({ minDelay: 0.02, maxDelay: 0.2, beatInterval: 0.1 });
    const reconnects: number[] = [];
    resume.on('reconnected', (n) => reconnects.push(n));
    const mover = new WebSocketMultiplayerPeer({ autoPoll: true, reconnect: resume });
    cleanup.push(() => mover.close());
    const echoes: string[] = [];
    mover.on('peer_packet', () => {
      while (mover.getAvailablePacketCount() > 0) {
        const from = mover.getPacketPeer();
        echoes.push(`${from}:${Buffer.from(mover.getPacket()).toString('hex')}`);
      }
    });
    expect(mover.createClient(`ws://127.0.0.1:${proxy.port}/`)).toBe(ErrorCode.OK);
    const id = await connected(mover, 5000);
    await godot.waitFor((e) => e.event === 'peer_connected' && e.id === id, 10_000);

    const N = 200;
    for (let i = 0; i < N; ) {
      if (i === 60 && reconnects.length === 0) server.getPeer(id)?.close(-1); // the server drops the socket
      if (i === 140 && reconnects.length === 1) expect(proxy.blackhole()).toBe(1); // the link goes silent
      mover.setTargetPeer(godotId);
      const err = mover.putPacket(packet(i));
      if (err === ErrorCode.OK) i++;
      else expect(err).toBe(ErrorCode.ERR_OUT_OF_MEMORY);
      await sleep(i === 60 || i === 140 ? 0 : 2);
      if (i === 140 && reconnects.length === 0) {
        await waitUntil(
          () => reconnects.length === 1,
          () => 'the first resume',
        );
      }
    }
    const fromGodot = (): string[] =>
      godot
        .all('packet')
        .filter((e) => e.from === id)
        .map((e) => String(e.hex));
    await waitUntil(
      () => echoes.length >= N && fromGodot().length >= N,
      () => `every packet and echo (${fromGodot().length} at Godot, ${echoes.length} echoes, reconnects ${reconnects})`,
    );
    await sleep(100); // anything doubled would arrive by now
    const expected = Array.from({ length: N }, (_, i) => hexOf(i));
    expect(fromGodot()).toEqual(expected);
    expect(echoes).toEqual(expected.map((h) => `${godotId}:${h}`));
    expect(reconnects).toEqual([1, 1]);
    expect(mover.getUniqueId()).toBe(id);
    expect(godot.all('peer_disconnected')).toEqual([]);
    expect(godot.all('server_disconnected')).toEqual([]);

    // Gone for good (close() drops the socket, as a crash would): the server holds it for the
    // grace (3 s), then exactly one leave reaches the Godot client.
    mover.close();
    await godot.waitFor((e) => e.event === 'peer_disconnected' && e.id === id, 15_000);
    await sleep(200);
    expect(godot.all('peer_disconnected').map((e) => e.id)).toEqual([id]);
  }, 60_000);
});

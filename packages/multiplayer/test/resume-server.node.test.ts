/**
 * The server's side of resume over real sockets in Node: a held client can still be kicked (it
 * leaves at once, one `peer_disconnected`), a server-decided drop is not held, and a Godot-style
 * client (no resume offer) leaves at once when its socket drops.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { connected, Resume, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { WebSocketServer } from 'wspeer/server';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function waitUntil(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function serverAndClient(reconnect: Resume | null) {
  const server = new WebSocketMultiplayerPeer({ autoPoll: true, log: null, resumeGrace: 30 });
  cleanup.push(() => server.close());
  server.createServer(0, '127.0.0.1');
  const port = await server.listening(5000);
  const left: number[] = [];
  server.on('peer_disconnected', (id) => left.push(id));
  const client = new WebSocketMultiplayerPeer({ autoPoll: true, reconnect });
  cleanup.push(() => client.close());
  expect(client.createClient(`ws://127.0.0.1:${port}/`)).toBe(ErrorCode.OK);
  const id = await connected(client, 5000);
  return { server, client, id, left };
}

describe('resume on the server', () => {
  it('a held client can be kicked: it leaves at once, with one peer_disconnected', async () => {
    const resume = new Resume({ minDelay: 60, jitter: 0, beatInterval: 0.1 });
    const { server, id, left } = await serverAndClient(resume);
    server.getPeer(id)?.close(-1); // its socket dies: held for 30 s
    await waitUntil(() => server.getPeer(id) === null, 'the drop');
    expect(server.getPeerIds()).toContain(id); // held: still in the room
    expect(left).toEqual([]);
    server.disconnectPeer(id);
    await waitUntil(() => left.length > 0, 'the kick');
    expect(left).toEqual([id]);
    expect(server.getPeerIds()).not.toContain(id);
  });

  it('a resumable client that closes normally (1000) leaves at once', async () => {
    const { client, id, left } = await serverAndClient(new Resume({ minDelay: 60, beatInterval: 0.1 }));
    client.disconnectPeer(1);
    await waitUntil(() => left.length > 0, 'the leave');
    expect(left).toEqual([id]);
  });

  it('a drop the server decides (Godot 3 disconnectPeer with a negative code) is not held', async () => {
    const server = new WebSocketServer({ autoPoll: true, log: null, resumeGrace: 30 });
    cleanup.push(() => server.close());
    expect(server.listen(0, [], true)).toBe(ErrorCode.OK);
    const port = await server.listening(5000);
    const left: number[] = [];
    server.on('peer_disconnected', (id) => left.push(id));
    const client = new WebSocketMultiplayerPeer({ autoPoll: true, reconnect: new Resume({ minDelay: 60 }) });
    cleanup.push(() => client.close());
    client.createClient(`ws://127.0.0.1:${port}/`);
    const id = await connected(client, 5000);
    expect(server.disconnectPeer(id, -1)).toBe(ErrorCode.OK);
    await waitUntil(() => left.length > 0, 'the leave');
    expect(left).toEqual([id]);
  });

  it("a rate limit with policy 'drop' holds a resumable client instead: every packet arrives once, in order", async () => {
    const server = new WebSocketMultiplayerPeer({
      autoPoll: true,
      log: null,
      resumeGrace: 30,
      maxMessagesPerSecond: 40,
      rateLimitPolicy: 'drop',
    });
    cleanup.push(() => server.close());
    server.createServer(0, '127.0.0.1');
    const port = await server.listening(5000);
    const got: number[] = [];
    server.on('peer_packet', () => {
      while (server.getAvailablePacketCount() > 0) got.push((server.getPacket()[0] as number) | 0);
    });
    const resume = new Resume({ minDelay: 0.05, jitter: 0, beatInterval: 0.2 });
    const client = new WebSocketMultiplayerPeer({ autoPoll: true, reconnect: resume });
    cleanup.push(() => client.close());
    expect(client.createClient(`ws://127.0.0.1:${port}/`)).toBe(ErrorCode.OK);
    const id = await connected(client, 5000);
    client.setTargetPeer(1);
    for (let i = 0; i < 60; i++) client.putPacket(new Uint8Array([i]));
    await waitUntil(() => got.length >= 60, 'the first 60 (held past 40 a second, not dropped)');
    expect(server.stats()?.refused['rate-limit'] ?? 0).toBe(0); // held, never dropped
    // The counts agree: after a drop and a resume, the next packets are neither lost nor repeated.
    const back = new Promise<void>((resolve) => resume.once('reconnected', () => resolve()));
    server.getPeer(id)?.close(-1);
    await back;
    for (let i = 60; i < 70; i++) client.putPacket(new Uint8Array([i]));
    await waitUntil(() => got.length >= 70, 'ten more after the resume');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(got).toEqual(Array.from({ length: 70 }, (_, i) => i));
    expect(server.getPeerIds()).toEqual([id]);
  });

  it('a client that did not offer resume leaves at once when its socket drops', async () => {
    const { server, id, left } = await serverAndClient(null);
    server.getPeer(id)?.close(-1);
    await waitUntil(() => left.length > 0, 'the leave');
    expect(left).toEqual([id]);
    expect(server.getPeerIds()).not.toContain(id);
  });
});

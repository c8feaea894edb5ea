import { CloseReason, State, type WebSocketPeer } from '@wspeer/core';
import { describe, expect, it } from 'vitest';
import { loopbackPair, settle } from './loopback.js';

/** A server with `options` and one open client; `received` counts what the server read. */
async function pair(options: Parameters<typeof loopbackPair>[0]) {
  const { server, client, url } = await loopbackPair(options);
  const received: string[] = [];
  const left: number[] = [];
  server.on('data_received', (id) => received.push(String(server.getPeer(id)?.getMessage())));
  server.on('client_disconnected', (id) => left.push(id));
  const peer = client();
  peer.connectToUrl(url);
  await settle([server, peer], () => peer.readyState === State.OPEN && server.getPeerIds().length === 1);
  return { server, peer, received, left, client, url, id: server.getPeerIds()[0] as number };
}

function burst(peer: WebSocketPeer, count: number, size = 1): void {
  for (let i = 0; i < count; i++) peer.sendText(String(i).padEnd(size, '.'));
}

describe('per-sender limits of a server (fair sharing)', () => {
  it('policy drop: takes maxMessagesPerSecond messages in a second and counts the rest as refused', async () => {
    const { server, peer, received } = await pair({ maxMessagesPerSecond: 50, rateLimitPolicy: 'drop' });
    burst(peer, 200);
    await settle([server, peer], () => received.length === 50 && server.stats().refused['rate-limit'] === 150);
    expect(received[49]).toBe('49');
    expect(server.stats()).toMatchObject({ messagesIn: 50, bytesIn: 90 });
  });

  it('policy pause: stops reading the sender until its second is over; nothing is lost', async () => {
    const { server, peer, received } = await pair({ maxMessagesPerSecond: 100, rateLimitPolicy: 'pause' });
    const started = performance.now();
    burst(peer, 150);
    await settle([server, peer], () => received.length >= 100);
    expect(received.length).toBeLessThan(150);
    await settle([server, peer], () => received.length === 150);
    expect(performance.now() - started).toBeGreaterThan(900);
    expect(received).toEqual(Array.from({ length: 150 }, (_, i) => String(i)));
    expect(server.stats().throttled).toBeGreaterThanOrEqual(1);
  });

  it('policy cut: disconnects the sender with 1008 "Rate limit exceeded"; it leaves at once', async () => {
    const { server, peer, received, left, id } = await pair({ maxBytesPerSecond: 1000, rateLimitPolicy: 'cut' });
    burst(peer, 30, 100);
    await settle([server, peer], () => peer.readyState === State.CLOSED && left.length === 1);
    // Unread messages of a cut client are discarded with it.
    expect(received.length).toBeLessThanOrEqual(10);
    expect(left).toEqual([id]);
    expect(peer.closeCode).toBe(1008);
    expect(peer.closeReason).toBe(CloseReason.RATE_LIMIT);
    expect(server.stats().cut).toEqual({ 'rate-limit': 1 });
  });

  it('0 turns a limit off', async () => {
    const { server, peer, received } = await pair({ maxMessagesPerSecond: 0, maxBytesPerSecond: 0 });
    burst(peer, 3000);
    await settle([server, peer], () => received.length === 3000);
    expect(server.stats()).toMatchObject({ throttled: 0, refused: {} });
  });
});

describe('cutPeer: a cut client is gone at once for everyone', () => {
  it('leaves the peer list now, signals in the next poll, and nothing it sends afterwards is read', async () => {
    const { server, peer, received, left, id, client, url } = await pair({});
    const second = client();
    second.connectToUrl(url);
    await settle([server, second], () => server.getPeerIds().length === 2);
    const other = server.getPeerIds().find((p) => p !== id);
    expect(server.cutPeer(id, 4000, 'go away')).toBe(0);
    expect(server.hasPeer(id)).toBe(false);
    expect(server.getPeer(id)).toBeNull();
    expect(server.getPeerIds()).toEqual([other]);
    burst(peer, 5);
    server.poll();
    expect(left).toEqual([id]);
    await settle([server, peer], () => peer.readyState === State.CLOSED);
    expect(received).toEqual([]);
    expect(peer.closeCode).toBe(4000);
    expect(server.stats().cut).toEqual({ kicked: 1 });
    expect(server.cutPeer(id)).not.toBe(0);
  });
});

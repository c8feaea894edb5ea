import type { Socket } from 'node:net';
import { pollUntil, sleep } from '@wspeer/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ErrorCode } from 'wspeer';
import { connected, WebSocketMultiplayerPeer, type WebSocketMultiplayerPeerOptions } from 'wspeer/multiplayer';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function room(options: WebSocketMultiplayerPeerOptions = {}) {
  const server = new WebSocketMultiplayerPeer({ autoPoll: true, log: null, ...options });
  expect(server.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
  cleanup.push(() => server.close());
  const port = await server.listening(5000);
  const joined: number[] = [];
  const left: Array<{ id: number; at: number }> = [];
  server.on('peer_connected', (id) => joined.push(id));
  server.on('peer_disconnected', (id) => left.push({ id, at: performance.now() }));
  return { server, url: `ws://127.0.0.1:${port}/`, joined, left };
}

/** A honest wspeer client that records who sent it what and who left. */
async function honest(url: string) {
  const peer = new WebSocketMultiplayerPeer({ autoPoll: true });
  cleanup.push(() => peer.close());
  const from: number[] = [];
  const left: Array<{ id: number; at: number }> = [];
  peer.on('peer_packet', () => {
    while (peer.getAvailablePacketCount() > 0) {
      from.push(peer.getPacketPeer());
      peer.getPacket();
    }
  });
  peer.on('peer_disconnected', (id) => left.push({ id, at: performance.now() }));
  peer.createClient(url);
  await connected(peer, 5000);
  return { peer, from, left };
}

/** A raw `ws` client on the Godot 3 wire: learns its id, then does what the test says. */
async function rawGodot3(url: string): Promise<{ ws: WebSocket; id: number; socket: Socket }> {
  const ws = new WebSocket(url);
  cleanup.push(() => ws.terminate());
  ws.on('error', () => {});
  const id = await new Promise<number>((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      if (data[0] === 3 && data.byteLength >= 13) resolve(data.readInt32LE(9));
    });
    ws.once('error', reject);
  });
  return { ws, id, socket: (ws as unknown as { _socket: Socket })._socket };
}

function godot3Packet(from: number, to: number, payload: number): Buffer {
  const packet = Buffer.alloc(13);
  packet[0] = 0;
  packet.writeInt32LE(from, 1);
  packet.writeInt32LE(to, 5);
  packet.writeInt32LE(payload, 9);
  return packet;
}

describe('a client the relay cuts is gone at once for everyone', () => {
  it('after a 1008 "Buffer overflow" cut, the others hear peer_disconnected at once and get nothing more from it', async () => {
    const { server, url, left: serverLeft } = await room();
    const c = await honest(url);
    const v = await rawGodot3(url);
    await pollUntil([], () => server.getPeer(v.id) !== null, 'v joined');
    // V stops reading (so what we send it piles up) but keeps sending to C.
    v.socket.pause();
    let seq = 0;
    const sender = setInterval(() => v.ws.send(godot3Packet(v.id, c.peer.getUniqueId(), seq++)), 5);
    cleanup.push(() => clearInterval(sender));
    await pollUntil([], () => c.from.filter((id) => id === v.id).length >= 5, 'C hears V');
    let cutAt = 0;
    server.on('packet_dropped', (from) => {
      if (from === v.id && cutAt === 0) cutAt = performance.now();
    });
    const big = new Uint8Array(8192);
    for (let i = 0; i < 5000 && cutAt === 0; i++) {
      server.setTargetPeer(v.id);
      server.putPacket(big);
      if (i % 20 === 19) await sleep(1);
    }
    expect(cutAt).toBeGreaterThan(0);
    // Before: peer_disconnected only when ws gave up on the close handshake (30 s), V relayed meanwhile.
    await pollUntil([], () => c.left.some((l) => l.id === v.id), 'C hears that V left', 2000);
    const heardAfter = (c.left.find((l) => l.id === v.id)?.at ?? 0) - cutAt;
    expect(heardAfter).toBeLessThan(500);
    expect(serverLeft.map((l) => l.id)).toEqual([v.id]);
    const fromV = c.from.filter((id) => id === v.id).length;
    await sleep(300);
    expect(c.from.filter((id) => id === v.id).length).toBe(fromV);
    expect(server.stats()?.cut).toEqual({ 'buffer-overflow': 1 });
  });

  it('disconnectPeer in multiplayer mode lets the client leave at once, as in Godot 4', async () => {
    const { server, url, left } = await room();
    const v = await rawGodot3(url);
    await pollUntil([], () => server.getPeer(v.id) !== null, 'joined');
    v.socket.pause();
    const started = performance.now();
    server.disconnectPeer(v.id);
    expect(server.getPeer(v.id)).toBeNull();
    // Before: the client stayed a peer until it answered the close frame (30 s for one that does not read).
    await pollUntil([], () => left.length === 1, 'peer_disconnected', 1000);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('heartbeats on WebSocketMultiplayerPeer', () => {
  it('drops a client that stopped answering pings within two intervals', async () => {
    const interval = 0.25;
    const { server, url, left } = await room({ heartbeatInterval: interval });
    const alive = await honest(url);
    const dead = await rawGodot3(url);
    await pollUntil([], () => server.getPeer(dead.id) !== null, 'joined');
    await sleep(interval * 1000);
    dead.socket.pause(); // it no longer reads, so it no longer answers pings
    const diedAt = performance.now();
    // Before: WebSocketMultiplayerPeer had no heartbeat: the dead client stayed a peer forever.
    await pollUntil([], () => left.some((l) => l.id === dead.id), 'dead client dropped', 3000);
    const took = (left.find((l) => l.id === dead.id)?.at ?? 0) - diedAt;
    expect(took).toBeLessThan(2 * interval * 1000 + 150);
    expect(server.stats()?.cut).toEqual({ heartbeat: 1 });
    expect(server.getPeer(alive.peer.getUniqueId())).not.toBeNull();
  });
});

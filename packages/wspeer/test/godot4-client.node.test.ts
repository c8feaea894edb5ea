/**
 * Live Godot 4.6 multiplayer clients (the official web build in headless Chromium, running the test
 * kit's `mp_client` probe: `WebSocketMultiplayerPeer.create_client` on the default SceneMultiplayer)
 * against our `WebSocketMultiplayerPeer` server on the `godot4` wire: ids, RAW packets both ways
 * (`send_bytes` arrives as `[3][bytes]`; our `[3][bytes]` arrives as `peer_packet`), leaving.
 */
import { pollUntil } from '@wspeer/test-kit';
import { type Godot4Browser, type Godot4Client, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionStatus, ErrorCode } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';

/** Engine boot on 2 loaded cores: about 1-6 s, first cold run up to about 13 s. */
const BOOT_MS = 30_000;
/** Per test: above BOOT_MS, so a Godot that never answers fails with its transcript, not a bare timeout. */
const TEST_MS = 60_000;
/** SceneMultiplayer's RAW command byte (`send_bytes` / `peer_packet`). */
const RAW = 3;

let godot4: Godot4Browser;
beforeAll(async () => {
  godot4 = await startGodot4Browser();
});
afterAll(() => godot4?.close());

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  await godot4.stopAll();
});

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const raw = (...bytes: number[]): Uint8Array => new Uint8Array([RAW, ...bytes]);
const rawText = (text: string): Uint8Array => raw(...Buffer.from(text));

/** Our server: a godot4-wire WebSocketMultiplayerPeer on 127.0.0.1 (auto-poll), recording what it sees. */
async function ourServer() {
  const peer = new WebSocketMultiplayerPeer({ wire: 'godot4', autoPoll: true });
  expect(peer.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
  cleanup.push(() => peer.close());
  const port = await peer.listening(5000);
  const seen = { connected: [] as number[], disconnected: [] as number[], packets: [] as string[] };
  peer.on('peer_connected', (id) => seen.connected.push(id));
  peer.on('peer_disconnected', (id) => seen.disconnected.push(id));
  peer.on('peer_packet', () => {
    while (peer.getAvailablePacketCount() > 0) {
      const from = peer.getPacketPeer();
      seen.packets.push(`${from}:${hex(peer.getPacket())}`);
    }
  });
  const send = (to: number, packet: Uint8Array): ErrorCode => {
    peer.setTargetPeer(to);
    return peer.putPacket(packet);
  };
  return { peer, url: `ws://127.0.0.1:${port}/`, seen, send };
}

async function joined(client: Godot4Client): Promise<number> {
  const id = Number((await client.waitFor('connected_to_server', BOOT_MS)).id);
  expect(client.all('create_client')).toEqual([{ event: 'create_client', err: 0 }]);
  return id;
}

describe('live Godot 4.6 WebSocketMultiplayerPeer clients on our godot4-wire server', { timeout: TEST_MS }, () => {
  it('two clients at once: each gets the id we assigned, send_bytes both ways, and we see each leave', async () => {
    const server = await ourServer();
    const [a, b] = await Promise.all([
      godot4.start('mp_client', { url: server.url, send: 'c0ffee01' }),
      godot4.start('mp_client', { url: server.url, send: '00ff02' }),
    ]);
    const [idA, idB] = await Promise.all([joined(a), joined(b)]);

    // The ids Godot reports are the ones our server assigned (and announced with peer_connected).
    expect(new Set(server.seen.connected)).toEqual(new Set([idA, idB]));
    for (const id of [idA, idB]) expect(id).toBeGreaterThan(1);
    expect(idA).not.toBe(idB);
    expect(server.peer.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_CONNECTED);
    // Godot sees the server as peer 1.
    await Promise.all([a.waitFor('peer_connected'), b.waitFor('peer_connected')]);
    expect([a.all('peer_connected'), b.all('peer_connected')]).toEqual([
      [{ event: 'peer_connected', id: 1 }],
      [{ event: 'peer_connected', id: 1 }],
    ]);

    // Godot -> us: send_bytes(bytes, 1) arrives as one SceneMultiplayer RAW packet [3][bytes].
    await pollUntil([], () => server.seen.packets.length >= 2, 'both send_bytes to arrive', BOOT_MS);
    expect(server.seen.packets.sort()).toEqual([`${idA}:03c0ffee01`, `${idB}:0300ff02`].sort());
    expect(a.all('sent')).toEqual([{ event: 'sent', to: 1, hex: 'c0ffee01', err: 0 }]);

    // Us -> Godot: our [3][bytes] arrives as peer_packet(1, bytes), to the right client only.
    expect(server.send(idA, raw(0x00, 0xff, 0x42))).toBe(ErrorCode.OK);
    expect(server.send(idB, raw(0x10, 0x20))).toBe(ErrorCode.OK);
    expect(await a.waitFor('peer_packet')).toEqual({ event: 'peer_packet', from: 1, hex: '00ff42' });
    expect(await b.waitFor('peer_packet')).toEqual({ event: 'peer_packet', from: 1, hex: '1020' });

    // A leaves on command (closes its peer): we see exactly A go; B stays connected.
    expect(server.send(idA, rawText('!leave'))).toBe(ErrorCode.OK);
    await a.waitFor('left');
    await pollUntil([], () => server.seen.disconnected.length >= 1, 'A to leave', 10_000);
    expect(server.seen.disconnected).toEqual([idA]);
    expect(server.send(idB, rawText('!send 1 0b0b'))).toBe(ErrorCode.OK);
    await pollUntil([], () => server.seen.packets.includes(`${idB}:030b0b`), 'B to still talk', 10_000);

    // B's page closes (the engine with it): we see B go too.
    await b.stop();
    await pollUntil([], () => server.seen.disconnected.length >= 2, 'B to leave', 10_000);
    expect(server.seen.disconnected).toEqual([idA, idB]);
    expect(a.transcript()).not.toMatch(/SCRIPT ERROR|Parse Error/);
  });

  it('a client whose server closes sees server_disconnected and quits', async () => {
    const server = await ourServer();
    const client = await godot4.start('mp_client', { url: server.url });
    const id = await joined(client);
    server.peer.disconnectPeer(id);
    await client.waitFor('server_disconnected');
    expect(await client.exited).toBe('exit 0');
  });
});

import { ConnectionStatus, ErrorCode } from '@wspeer/core';
import {
  connected,
  frame,
  OfflineMultiplayerPeer,
  readHeader,
  SysType,
  TARGET_PEER_BROADCAST,
  TARGET_PEER_SERVER,
  TransferMode,
  WebSocketClient,
} from '@wspeer/multiplayer';
import { describe, expect, it } from 'vitest';
import { drain, room, settle } from './mp-fixture.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('WebSocketMultiplayerPeer, godot3 wire (loopback)', () => {
  it('gives ids, announces peers everywhere and reports status', async () => {
    const { server, clients, joined, announced } = await room('godot3', 3);
    const ids = clients.map((c) => c.getUniqueId());
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toBeGreaterThan(1);
    expect(joined).toEqual(ids);
    expect(server.getUniqueId()).toBe(TARGET_PEER_SERVER);
    expect(server.isServer()).toBe(true);
    expect(server.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_CONNECTED);
    for (const c of clients) {
      const others = ids.filter((id) => id !== c.getUniqueId());
      expect((announced.get(c) ?? []).sort()).toEqual([1, ...others].sort());
      expect(c.isServer()).toBe(false);
      expect(c.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_CONNECTED);
    }
  });

  it('announces existing peers to a newcomer by ascending id, as Godot does', async () => {
    const { clients, all, make, url } = await room('godot3', 3);
    const late = make();
    const seen: number[] = [];
    late.on('peer_connected', (id) => seen.push(id));
    late.createClient(url);
    await settle([...all, late], () => seen.length === 4);
    const ids = clients.map((c) => c.getUniqueId()).sort((a, b) => a - b);
    expect(seen).toEqual([1, ...ids]);
  });

  it('relays client to client with the true sender, broadcasts and excludes', async () => {
    const { server, clients, all } = await room('godot3', 3);
    const [a, b, c] = clients as [typeof server, typeof server, typeof server];
    const [idA, idB, idC] = clients.map((x) => x.getUniqueId()) as [number, number, number];
    a.setTargetPeer(idB);
    expect(a.putPacket(bytes(1))).toBe(ErrorCode.OK);
    a.setTargetPeer(TARGET_PEER_BROADCAST);
    a.putPacket(bytes(2));
    a.setTargetPeer(-idC);
    a.putPacket(bytes(3));
    a.setTargetPeer(TARGET_PEER_SERVER);
    a.putPacket(bytes(4));
    await settle(all, () => b.getAvailablePacketCount() === 3 && server.getAvailablePacketCount() === 3, 'deliveries');
    await settle(all, () => c.getAvailablePacketCount() === 1);
    expect(drain(b)).toEqual([`${idA}:1`, `${idA}:2`, `${idA}:3`]);
    expect(drain(c)).toEqual([`${idA}:2`]);
    expect(drain(server)).toEqual([`${idA}:2`, `${idA}:3`, `${idA}:4`]);
    expect(drain(a)).toEqual([]);
  });

  it('server sends to one client, to all, to all but one; unknown targets fail', async () => {
    const { server, clients, all } = await room('godot3', 2);
    const [a, b] = clients as [typeof server, typeof server];
    const idA = a.getUniqueId();
    server.setTargetPeer(idA);
    server.putPacket(bytes(9));
    server.setTargetPeer(0);
    server.putPacket(bytes(8));
    server.setTargetPeer(-idA);
    server.putPacket(bytes(7));
    server.setTargetPeer(12345);
    expect(server.putPacket(bytes(6))).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    await settle(all, () => a.getAvailablePacketCount() === 2 && b.getAvailablePacketCount() === 2);
    expect(drain(a)).toEqual(['1:9', '1:8']);
    expect(drain(b)).toEqual(['1:8', '1:7']);
    expect(a.getPacketError()).toBe(ErrorCode.OK);
    expect(a.getPacket().byteLength).toBe(0);
    expect(a.getPacketError()).toBe(ErrorCode.ERR_UNAVAILABLE);
    expect(server.getPacket().byteLength).toBe(0);
    expect(server.getPacketError()).toBe(ErrorCode.ERR_UNAVAILABLE);
  });

  it('target -1 from a client reaches every client but not the server (documented, unlike 3.2.3)', async () => {
    const { server, clients, all } = await room('godot3', 2);
    const [a, b] = clients as [typeof server, typeof server];
    a.setTargetPeer(-1);
    a.putPacket(bytes(5));
    await settle(all, () => b.getAvailablePacketCount() === 1);
    expect(server.getAvailablePacketCount()).toBe(0);
  });

  it('announces a leaving client to the others', async () => {
    const { server, clients, all } = await room('godot3', 2);
    const [a, b] = clients as [typeof server, typeof server];
    const idA = a.getUniqueId();
    const left: number[] = [];
    const serverLeft: number[] = [];
    b.on('peer_disconnected', (id) => left.push(id));
    server.on('peer_disconnected', (id) => serverLeft.push(id));
    a.disconnectPeer(1);
    await settle(all, () => left.length === 1 && serverLeft.length === 1);
    expect(left).toEqual([idA]);
    expect(serverLeft).toEqual([idA]);
  });

  it('tells clients server_disconnected when the server goes away, connection_failed when it never answered', async () => {
    const { server, clients, all, make } = await room('godot3', 1);
    const events: string[] = [];
    const client = clients[0] as (typeof clients)[number];
    client.on('server_disconnected', () => events.push('server_disconnected'));
    client.on('peer_disconnected', (id) => events.push(`peer_disconnected:${id}`));
    server.close();
    await settle(all, () => events.length === 2);
    expect(events).toEqual(['peer_disconnected:1', 'server_disconnected']);
    const lonely = make();
    const failed: string[] = [];
    lonely.on('connection_failed', () => failed.push('failed'));
    lonely.createClient('ws://loopback:1/');
    await settle([lonely], () => failed.length === 1);
    await expect(connected(lonely, 10)).rejects.toBeDefined();
  });

  it('connected(): pending calls all resolve with the id; a failed attempt rejects them with ERR_CANT_CONNECT, a timeout with ERR_TIMEOUT', async () => {
    const { all, make, url } = await room('godot3', 0);
    const late = make();
    expect(late.createClient(url)).toBe(ErrorCode.OK);
    const listeners = late.listenerCount('connection_succeeded');
    const pending = [connected(late, 5000), connected(late, { timeoutMs: 5000 })];
    const timedOut = connected(late, 1);
    // One pair of listeners per peer, however many calls wait.
    expect(late.listenerCount('connection_succeeded')).toBe(listeners + 1);
    await expect(timedOut).rejects.toMatchObject({
      code: ErrorCode.ERR_TIMEOUT,
      message: 'ERR_TIMEOUT: timed out after 1 ms waiting for an id',
    });
    await settle([...all, late], () => late.getConnectionStatus() === ConnectionStatus.CONNECTION_CONNECTED);
    const id = late.getUniqueId();
    expect(await Promise.all(pending)).toEqual([id, id]);
    expect(await connected(late)).toBe(id);
    const lonely = make();
    lonely.createClient('ws://loopback:1/');
    const failing = [connected(lonely), connected(lonely, 5000)];
    await settle([lonely], () => lonely.getConnectionStatus() === ConnectionStatus.CONNECTION_DISCONNECTED);
    for (const p of failing) await expect(p).rejects.toMatchObject({ code: ErrorCode.ERR_CANT_CONNECT });
  });

  it('refuses spoofed senders, client system messages, self/unknown targets and short headers, and keeps going', async () => {
    const { server, clients, all, url, net } = await room('godot3', 1);
    const victim = clients[0] as (typeof clients)[number];
    const dropped: string[] = [];
    server.on('packet_dropped', (_from, reason) => dropped.push(reason));
    const raw = new WebSocketClient({ connect: net.connect });
    raw.connectToUrl(url, [], false);
    const rawPeer = raw.getPeer(1);
    await settle([...all, raw], () => rawPeer?.readyState === 1 && server.getPeer(server.generateUniqueId()) === null);
    await settle([...all, raw], () => rawPeer !== null && rawPeer.getAvailablePacketCount() >= 2);
    const idMessage = rawPeer?.getPacket() as Uint8Array;
    expect(readHeader(idMessage)?.type).toBe(SysType.ID);
    const own = new DataView(idMessage.buffer, idMessage.byteOffset).getInt32(9, true);
    const victimId = victim.getUniqueId();
    rawPeer?.send(frame(0, 12345, 0, bytes(1)));
    rawPeer?.send(frame(SysType.ADD, own, 0, bytes(2, 0, 0, 0)));
    rawPeer?.send(frame(0, own, own, bytes(3)));
    rawPeer?.send(frame(0, own, 999, bytes(4)));
    rawPeer?.send(bytes(0, 1, 2));
    rawPeer?.send(frame(0, own, victimId, bytes(5)));
    await settle(all, () => victim.getAvailablePacketCount() === 1 && dropped.length === 5, 'refusals');
    expect(dropped).toEqual([
      'spoofed sender 12345',
      'system message (type 1) from a client',
      'relay to itself',
      'unknown target peer 999',
      'short message (3 bytes < 9)',
    ]);
    expect(drain(victim)).toEqual([`${own}:5`]);
    expect(server.getAvailablePacketCount()).toBe(0);
  });

  it('reports transfer mode and channel but sends everything reliably', async () => {
    const { clients } = await room('godot3', 1);
    const c = clients[0] as (typeof clients)[number];
    c.transferMode = TransferMode.UNRELIABLE;
    c.transferChannel = 3;
    expect(c.transferMode).toBe(TransferMode.UNRELIABLE);
    expect(c.getPacketMode()).toBe(TransferMode.RELIABLE);
    expect(c.getPacketChannel()).toBe(0);
    expect(c.isServerRelaySupported()).toBe(true);
  });
});

describe('WebSocketMultiplayerPeer, godot4 wire (loopback)', () => {
  it('sends the 4-byte id once, then bare packets both ways', async () => {
    const { server, clients, all } = await room('godot4', 2);
    const [a, b] = clients as [typeof server, typeof server];
    const idA = a.getUniqueId();
    expect(idA).toBeGreaterThan(1);
    a.setTargetPeer(b.getUniqueId());
    a.putPacket(bytes(1, 2));
    await settle(all, () => server.getAvailablePacketCount() === 1);
    expect(drain(server)).toEqual([`${idA}:1,2`]);
    server.setTargetPeer(-idA);
    server.putPacket(bytes(3));
    await settle(all, () => b.getAvailablePacketCount() === 1);
    expect(drain(b)).toEqual(['1:3']);
    expect(a.getAvailablePacketCount()).toBe(0);
  });

  it('puts exactly the little-endian id on the wire first', async () => {
    const { server, url, net, all } = await room('godot4', 0);
    const raw = new WebSocketClient({ connect: net.connect });
    raw.connectToUrl(url);
    await settle([...all, raw], () => (raw.getPeer(1)?.getAvailablePacketCount() ?? 0) === 1);
    const first = raw.getPeer(1)?.getPacket() as Uint8Array;
    expect(first.byteLength).toBe(4);
    const id = new DataView(first.buffer, first.byteOffset).getInt32(0, true);
    expect(server.getPeer(id)).not.toBeNull();
  });

  it('fails a client whose server sends an invalid id', async () => {
    const { net, make } = await room('godot4', 0);
    const { WebSocketServer: RawServer } = await import('@wspeer/core');
    const liar = new RawServer({ listen: net.listen, autoPoll: true });
    liar.on('client_connected', (id) => liar.getPeer(id)?.send(bytes(1, 0, 0, 0)));
    liar.listen(0);
    const port = await liar.listening(1000);
    const client = make();
    const failed: string[] = [];
    client.on('connection_failed', () => failed.push('failed'));
    client.createClient(`ws://loopback:${port}/`);
    await settle([client], () => failed.length === 1);
    expect(client.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_DISCONNECTED);
  });
});

describe('OfflineMultiplayerPeer', () => {
  it('is an always-connected server of one that drops and never receives', () => {
    const offline = new OfflineMultiplayerPeer();
    expect(offline.getUniqueId()).toBe(1);
    expect(offline.isServer()).toBe(true);
    expect(offline.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_CONNECTED);
    expect(offline.putPacket(bytes(1))).toBe(ErrorCode.OK);
    offline.poll();
    expect(offline.getAvailablePacketCount()).toBe(0);
    expect(offline.getPacket().byteLength).toBe(0);
    expect(offline.getPacketError()).toBe(ErrorCode.ERR_UNAVAILABLE);
    expect(offline.isServerRelaySupported()).toBe(false);
    const id = offline.generateUniqueId();
    expect(id).toBeGreaterThan(1);
  });
});

describe('WebSocketMultiplayerPeer refusal reporting', () => {
  it('logs refusals (rate-limited) through its log option when nobody listens to packet_dropped', async () => {
    const { LoopbackNetwork } = await import('@wspeer/core');
    const { multiplayerServer, WebSocketMultiplayerPeer } = await import('@wspeer/multiplayer');
    const net = new LoopbackNetwork();
    const lines: string[] = [];
    const server = new WebSocketMultiplayerPeer({
      connect: net.connect,
      server: multiplayerServer(net.listen),
      log: (l) => lines.push(l),
    });
    server.createServer(0);
    const port = await server.listening(1000);
    const raw = new WebSocketClient({ connect: net.connect });
    raw.connectToUrl(`ws://loopback:${port}/`);
    await settle([server, raw], () => (raw.getPeer(1)?.getAvailablePacketCount() ?? 0) >= 1);
    raw.getPeer(1)?.send(frame(0, 4242, 0, bytes(1)));
    raw.getPeer(1)?.send(frame(0, 4242, 0, bytes(2)));
    await settle([server, raw], () => lines.length === 1);
    expect(lines[0]).toContain('spoofed sender 4242');
  });
});

describe('WebSocketMultiplayerPeer relay limits', () => {
  it('disconnects a client its relay overflows (1008 "Buffer overflow"), reports it, and keeps relaying to others', async () => {
    const { LoopbackNetwork } = await import('@wspeer/core');
    const { multiplayerServer, WebSocketMultiplayerPeer } = await import('@wspeer/multiplayer');
    const net = new LoopbackNetwork();
    const server = new WebSocketMultiplayerPeer({
      server: multiplayerServer(net.listen),
      outboundBufferSize: 64,
      log: null,
    });
    const dropped: string[] = [];
    server.on('packet_dropped', (_from, reason) => dropped.push(reason));
    server.createServer(0);
    const url = `ws://loopback:${await server.listening(1000)}/`;
    const clients = [0, 1, 2].map(() => new WebSocketMultiplayerPeer({ connect: net.connect, log: null }));
    for (const c of clients) c.createClient(url);
    const all = [server, ...clients];
    await settle(all, () => clients.every((c) => c.getConnectionStatus() === 2));
    const [sender, victim, bystander] = clients as [typeof server, typeof server, typeof server];
    sender.setTargetPeer(victim.getUniqueId());
    sender.putPacket(new Uint8Array(100));
    await settle(all, () => victim.getConnectionStatus() === 0);
    expect(victim.getPeer(1)?.closeCode).toBe(1008);
    expect(victim.getPeer(1)?.closeReason).toBe('Buffer overflow');
    expect(dropped.some((r) => r.includes('over its outbound buffer limits'))).toBe(true);
    sender.setTargetPeer(bystander.getUniqueId());
    sender.putPacket(new Uint8Array([7]));
    await settle(all, () => bystander.getAvailablePacketCount() === 1);
    expect(drain(bystander)).toEqual([`${sender.getUniqueId()}:7`]);
  });
});

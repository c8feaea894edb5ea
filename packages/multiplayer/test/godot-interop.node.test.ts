/**
 * Multiplayer interop with the real Godot 3.2.3 runtime (`godot3-server`), plus the godot4 wire's
 * handshake bytes over real sockets (no Godot 4 runtime here). Godot processes run the test kit's
 * `mp_server.gd` / `mp_client.gd`; scripted actions reach them as command packets
 * (`04` + "!send <put|bytes> <target> <hex>", "!leave"), see `mp_common.gd`.
 */
import { once } from 'node:events';
import { freePort, type GodotEvent, type GodotProcess, startGodot } from '@wspeer/test-kit/node';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as RawWebSocket, WebSocketServer as RawWebSocketServer } from 'ws';
import { ConnectionStatus, ErrorCode } from 'wspeer';
import { connected, type MultiplayerPeer, WebSocketClient, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { WebSocketServer } from 'wspeer/server';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const unhex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));
/** A command packet for mp_common.gd: RAW command byte 04 + the text. */
const cmd = (text: string): Uint8Array => new Uint8Array([4, ...Buffer.from(text)]);

function godot(script: 'mp_server.gd' | 'mp_client.gd', args: Record<string, string | number>): GodotProcess {
  const child = startGodot(script, { lifetime: 20, ...args }, 30_000);
  cleanup.push(() => child.stop());
  return child;
}

/** Packets a Godot script printed from `from` (commands left out), as hex. */
function gdPackets(g: GodotProcess, from: number): string[] {
  return g
    .all('packet')
    .filter((e) => e.from === from && !String(e.text).startsWith('!'))
    .map((e) => String(e.hex));
}

const isPacket = (from: number, hexBytes: string) => (e: GodotEvent) =>
  e.event === 'packet' && e.from === from && e.hex === hexBytes;
const isEvent = (event: string, id: number) => (e: GodotEvent) => e.event === event && e.id === id;
const ids = (g: GodotProcess, event: string): number[] => g.all(event).map((e) => Number(e.id));

/** The error codes of a script's first `n` "sent" events (its stdout may trail its packets). */
async function sentErrors(g: GodotProcess, n: number): Promise<unknown[]> {
  await g.waitFor(() => g.all('sent').length >= n);
  return g.all('sent').map((e) => e.err);
}

/** What one of our multiplayer peers signalled and received (`from:hex`, drained in `peer_packet`). */
function record(peer: MultiplayerPeer) {
  const r = {
    events: [] as string[],
    connected: [] as number[],
    disconnected: [] as number[],
    packets: [] as string[],
  };
  peer.on('peer_connected', (id) => {
    r.connected.push(id);
    r.events.push(`peer_connected:${id}`);
  });
  peer.on('peer_disconnected', (id) => {
    r.disconnected.push(id);
    r.events.push(`peer_disconnected:${id}`);
  });
  peer.on('connection_succeeded', () => r.events.push('connection_succeeded'));
  peer.on('connection_failed', () => r.events.push('connection_failed'));
  peer.on('server_disconnected', () => r.events.push('server_disconnected'));
  peer.on('packet_dropped', (from, reason) => r.events.push(`dropped:${from}:${reason}`));
  peer.on('peer_packet', () => {
    while (peer.getAvailablePacketCount() > 0) {
      const from = peer.getPacketPeer();
      r.packets.push(`${from}:${hex(peer.getPacket())}`);
    }
  });
  return {
    ...r,
    from: (id: number) => r.packets.filter((p) => p.startsWith(`${id}:`)).map((p) => p.slice(p.indexOf(':') + 1)),
    send: (to: number, bytes: Uint8Array): ErrorCode => {
      peer.setTargetPeer(to);
      return peer.putPacket(bytes);
    },
  };
}

async function waitUntil(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

type ServerKind = 'WebSocketServer.listen' | 'WebSocketMultiplayerPeer.createServer';

/** Our multiplayer server on 127.0.0.1: Godot 3's WebSocketServer (auto-poll) or Godot 4's peer (game loop). */
async function ourServer(kind: ServerKind) {
  let peer: MultiplayerPeer;
  let port: number;
  if (kind === 'WebSocketServer.listen') {
    const server = new WebSocketServer({ bindIp: '127.0.0.1', autoPoll: true });
    expect(server.listen(0, [], true)).toBe(ErrorCode.OK);
    cleanup.push(() => server.stop());
    port = await server.listening(5000);
    peer = server;
  } else {
    const server = new WebSocketMultiplayerPeer();
    expect(server.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
    cleanup.push(() => server.close());
    port = await server.listening(5000);
    const loop = setInterval(() => server.poll(), 1);
    cleanup.push(() => clearInterval(loop));
    peer = server;
  }
  return { peer, url: `ws://127.0.0.1:${port}/`, ...record(peer) };
}

async function joined(g: GodotProcess): Promise<number> {
  const id = Number((await g.waitFor('connection_succeeded')).id);
  expect(id).toBeGreaterThan(1);
  return id;
}

describe.each<ServerKind>(['WebSocketServer.listen', 'WebSocketMultiplayerPeer.createServer'])(
  'our server (%s) with two real Godot 3.2.3 clients',
  (kind) => {
    it('gives ids, announces peers everywhere, relays with the true sender, broadcasts and excludes', async () => {
      const server = await ourServer(kind);
      // A reads packets itself and sends with set_target_peer + put_packet; B is the tree's
      // network_peer: packets through multiplayer's network_peer_packet, sends with send_bytes.
      const a = godot('mp_client.gd', { url: server.url, mode: 'direct' });
      const b = godot('mp_client.gd', { url: server.url, mode: 'tree' });
      const [idA, idB] = await Promise.all([joined(a), joined(b)]);
      expect(idA).not.toBe(idB);
      await waitUntil(() => server.connected.length === 2, 'our server to see both');
      expect([...server.connected].sort()).toEqual([idA, idB].sort());
      await a.waitFor(isEvent('peer_connected', idB));
      await b.waitFor(isEvent('peer_connected', idA));
      // Godot's own order: the server (1) first, with connection_succeeded right after it.
      expect(ids(a, 'peer_connected')).toEqual([1, idB]);
      expect(ids(b, 'peer_connected')).toEqual([1, idA]);
      expect(a.events.findIndex((e) => e.event === 'connection_succeeded')).toBe(
        a.events.findIndex((e) => e.event === 'peer_connected') + 1,
      );

      // Scripted sends, in order per sender (one socket each way, so per-sender order holds).
      for (const line of [
        `!send put ${idB} 04a1`,
        '!send put 0 04a2',
        `!send put -${idB} 04a3`,
        '!send put 1 04a5',
        `!send put ${idB} 04a4`,
      ]) {
        expect(server.send(idA, cmd(line))).toBe(ErrorCode.OK);
      }
      for (const line of [
        `!send bytes ${idA} 04b1`,
        '!send bytes 0 04b2',
        `!send bytes -${idA} 04b3`,
        '!send bytes 1 04b5',
        `!send bytes ${idA} 04b4`,
      ]) {
        expect(server.send(idB, cmd(line))).toBe(ErrorCode.OK);
      }
      // Our server's own sends: one peer, broadcast, all but A, then B and A last (barriers).
      expect(server.send(idA, unhex('04c1'))).toBe(ErrorCode.OK);
      expect(server.send(0, unhex('04c2'))).toBe(ErrorCode.OK);
      expect(server.send(-idA, unhex('04c3'))).toBe(ErrorCode.OK);
      expect(server.send(idB, unhex('04c4'))).toBe(ErrorCode.OK);
      expect(server.send(idA, unhex('04c5'))).toBe(ErrorCode.OK);

      // B is in tree mode: it prints what network_peer_packet gives, i.e. without the RAW byte 04.
      await b.waitFor(isPacket(idA, 'a4'));
      await b.waitFor(isPacket(1, 'c4'));
      await a.waitFor(isPacket(idB, '04b4'));
      await a.waitFor(isPacket(1, '04c5'));
      await waitUntil(() => server.from(idA).length === 3 && server.from(idB).length === 3, 'packets to our server');

      expect(gdPackets(b, idA)).toEqual(['a1', 'a2', 'a4']); // a3 excluded B, a5 was for the server
      expect(gdPackets(a, idB)).toEqual(['04b1', '04b2', '04b4']); // send_bytes puts the 04 on the wire
      expect(gdPackets(a, 1)).toEqual(['04c1', '04c2', '04c5']);
      expect(gdPackets(b, 1)).toEqual(['c2', 'c3', 'c4']);
      expect(server.from(idA)).toEqual(['04a2', '04a3', '04a5']); // broadcast, "all but B", server
      expect(server.from(idB)).toEqual(['04b2', '04b3', '04b5']);
      expect(await sentErrors(a, 5)).toEqual([0, 0, 0, 0, 0]);
      expect(await sentErrors(b, 5)).toEqual([0, 0, 0, 0, 0]);
      expect(server.events.filter((e) => e.startsWith('dropped'))).toEqual([]);
    });

    it('a Godot client leaving (after --leave_after) or kicked is reported by the other Godot client and by us', async () => {
      const server = await ourServer(kind);
      const b = godot('mp_client.gd', { url: server.url, mode: 'tree' });
      const idB = await joined(b);
      const a = godot('mp_client.gd', { url: server.url, mode: 'direct', leave_after: 0.1 });
      const idA = await joined(a);
      await b.waitFor(isEvent('peer_connected', idA));
      await a.waitFor('leaving');
      await b.waitFor(isEvent('peer_disconnected', idA));
      await waitUntil(() => server.disconnected.includes(idA), 'our peer_disconnected(A)');
      // Godot 3.2.3: the client that leaves reports connection_failed (never server_disconnected).
      await a.waitFor('connection_failed');
      expect(a.all('server_disconnected')).toEqual([]);
      expect(b.all('peer_disconnected')).toHaveLength(1);

      // Kicked by our server: Godot 3.2.3 reports connection_failed here too.
      server.peer.disconnectPeer(idB);
      await b.waitFor('connection_failed');
      await waitUntil(() => server.disconnected.includes(idB), 'our peer_disconnected(B)');
      expect(server.disconnected).toEqual([idA, idB]);
      expect(b.all('server_disconnected')).toEqual([]);
    });
  },
);

/** A real Godot 3.2.3 multiplayer server (tree mode: its MultiplayerAPI reads packets). */
async function godotServer(args: Record<string, string | number> = {}) {
  const port = await freePort();
  const server = godot('mp_server.gd', { port, mode: 'tree', ...args });
  expect((await server.waitFor('listening')).err).toBe(0);
  return { server, url: `ws://127.0.0.1:${port}/` };
}

/** Our two client flavours in a Godot room: Godot 4's peer (godot3 wire) and Godot 3's client. */
function ourClients(url: string) {
  const peer = new WebSocketMultiplayerPeer({ autoPoll: true });
  const x = record(peer);
  expect(peer.createClient(url)).toBe(ErrorCode.OK);
  cleanup.push(() => peer.close());
  const client = new WebSocketClient({ autoPoll: true });
  const y = record(client);
  expect(client.connectToUrl(url, [], true)).toBe(ErrorCode.OK);
  cleanup.push(() => client.close());
  return { peer, x, client, y };
}

describe('a real Godot 3.2.3 multiplayer server with our clients and a Godot client', () => {
  it('our clients get the full peer list, relay with the true sender, broadcast and exclude like Godot', async () => {
    const { server, url } = await godotServer();
    const g = godot('mp_client.gd', { url, mode: 'direct' });
    const { peer, x, client, y } = ourClients(url);
    const idX = await connected(peer, 5000);
    await waitUntil(() => y.events.includes('connection_succeeded'), 'WebSocketClient to connect');
    const idY = client.getUniqueId();
    const idG = await joined(g);
    expect(new Set([idX, idY, idG]).size).toBe(3);
    await waitUntil(() => x.connected.length === 3 && y.connected.length === 3, 'our peer lists');
    expect(x.connected[0]).toBe(1);
    expect(y.connected[0]).toBe(1);
    expect([...x.connected].sort()).toEqual([1, idG, idY].sort());
    expect([...y.connected].sort()).toEqual([1, idG, idX].sort());
    expect(x.events.indexOf('connection_succeeded')).toBe(1); // right after peer_connected(1), like Godot
    expect(client.getPeerIds().sort()).toEqual([1, idG, idX].sort());
    await waitUntil(() => g.all('peer_connected').length === 3, 'the Godot client to see everyone');
    expect(ids(g, 'peer_connected').sort()).toEqual([1, idX, idY].sort());
    // The ids the Godot server assigned are the ones our clients report.
    await waitUntil(() => server.all('peer_connected').length === 3, 'the Godot server to see everyone');
    expect(ids(server, 'peer_connected').sort()).toEqual([idG, idX, idY].sort());

    // X (Godot 4 API) sends to one peer, everyone, everyone but G, everyone but the server (-1), the server.
    for (const [to, bytes] of [
      [idG, '04d1'],
      [idY, '04d2'],
      [0, '04d3'],
      [-idG, '04d4'],
      [-1, '04d5'],
      [1, '04d6'],
      [idG, '04d7'],
      [idY, '04d8'],
    ] as const) {
      expect(x.send(to, unhex(bytes))).toBe(ErrorCode.OK);
    }
    // Y (Godot 3 API) to X; G (put_packet, on command) to X and Y.
    expect(y.send(idX, unhex('04e1'))).toBe(ErrorCode.OK);
    x.send(idG, cmd(`!send put ${idX} 04f1`));
    x.send(idG, cmd(`!send put ${idY} 04f2`));
    // The Godot server (send_bytes, on command from Y): to X, broadcast, all but X, then X again.
    for (const line of [
      `!send bytes ${idX} 04c1`,
      '!send bytes 0 04c2',
      `!send bytes -${idX} 04c3`,
      `!send bytes ${idX} 04c4`,
    ]) {
      y.send(1, cmd(line));
    }

    await g.waitFor(isPacket(idX, '04d7'));
    await g.waitFor(isPacket(1, '04c3'));
    await server.waitFor(isPacket(idX, 'd6')); // tree mode: the server prints what follows 04
    await waitUntil(
      () =>
        x.from(1).length === 3 &&
        x.from(idY).length === 1 &&
        x.from(idG).length === 1 &&
        y.from(idX).includes('04d8') &&
        y.from(idG).length === 1 &&
        y.from(1).length === 2,
      'deliveries to our clients',
    );
    expect(gdPackets(g, idX)).toEqual(['04d1', '04d3', '04d5', '04d7']);
    expect(y.from(idX)).toEqual(['04d2', '04d3', '04d4', '04d5', '04d8']);
    expect(x.from(idY)).toEqual(['04e1']);
    expect(x.from(idG)).toEqual(['04f1']);
    expect(y.from(idG)).toEqual(['04f2']);
    expect(x.from(1)).toEqual(['04c1', '04c2', '04c4']);
    expect(y.from(1)).toEqual(['04c2', '04c3']);
    expect(gdPackets(g, 1)).toEqual(['04c2', '04c3']);
    // Godot 3.2.3 keeps a packet addressed to -1 (everyone but the server) for the server too
    // (its exclusion test compares the server's id with -sender): d5 is here.
    expect(gdPackets(server, idX)).toEqual(['d3', 'd4', 'd5', 'd6']);
    expect(await sentErrors(g, 2)).toEqual([0, 0]);
    expect(await sentErrors(server, 4)).toEqual([0, 0, 0, 0]);
    expect([...x.events, ...y.events].filter((e) => !e.startsWith('peer_connected'))).toEqual([
      'connection_succeeded',
      'connection_succeeded',
    ]);
  });

  it('peers leaving, and the Godot server stopping, as our clients and Godot clients see them', async () => {
    const { server, url } = await godotServer();
    const g1 = godot('mp_client.gd', { url, mode: 'direct' });
    const g2 = godot('mp_client.gd', { url, mode: 'tree' });
    const { peer, x, client, y } = ourClients(url);
    const idX = await connected(peer, 5000);
    const [idG1, idG2] = await Promise.all([joined(g1), joined(g2)]);
    await waitUntil(() => x.connected.length === 4 && y.connected.length === 4, 'our peer lists');
    const idY = client.getUniqueId();
    await g1.waitFor(isEvent('peer_connected', idY));
    await g2.waitFor(isEvent('peer_connected', idY));
    await g1.waitFor(isEvent('peer_connected', idG2));

    // Our Godot 3-style client leaves.
    expect(client.disconnectFromHost(1000, 'bye')).toBe(ErrorCode.OK);
    await waitUntil(() => x.disconnected.includes(idY), 'X to see Y leave');
    await g1.waitFor(isEvent('peer_disconnected', idY));
    await g2.waitFor(isEvent('peer_disconnected', idY));
    await server.waitFor(isEvent('peer_disconnected', idY));

    // A Godot client leaves.
    x.send(idG1, cmd('!leave'));
    await g1.waitFor('connection_failed');
    await waitUntil(() => x.disconnected.includes(idG1), 'X to see G1 leave');
    await g2.waitFor(isEvent('peer_disconnected', idG1));
    await server.waitFor(isEvent('peer_disconnected', idG1));

    // The Godot server stops: Godot 3.2.3's client says connection_failed, nothing else.
    x.send(1, cmd('!leave'));
    await server.waitFor('leaving');
    await g2.waitFor('connection_failed');
    await waitUntil(() => x.events.includes('server_disconnected'), 'X to see the server go');
    expect(g2.all('server_disconnected')).toEqual([]);
    expect(ids(g2, 'peer_disconnected')).toEqual([idY, idG1]);
    // Ours (Godot 4 semantics): peer_disconnected for every known peer, then server_disconnected.
    expect(x.events.slice(x.events.indexOf(`peer_disconnected:${idG1}`) + 1).sort()).toEqual(
      [`peer_disconnected:1`, `peer_disconnected:${idG2}`, 'server_disconnected'].sort(),
    );
    expect(x.events.at(-1)).toBe('server_disconnected');
    expect(peer.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_DISCONNECTED);
    expect(idX).toBeGreaterThan(1);
  });

  // Documented difference (README): a Godot 3.2.3 multiplayer WebSocketClient reports any end of
  // its connection as connection_failed only (reference §1.9.3; the real engine does exactly that,
  // G below). Ours follows the documented contract instead: peer_disconnected for every known peer,
  // then server_disconnected once a connected client loses the server.
  it('reports a stopped Godot server as server_disconnected where Godot 3.2.3 says connection_failed (documented)', async () => {
    const { url } = await godotServer();
    const g = godot('mp_client.gd', { url, mode: 'direct' });
    const client = new WebSocketClient({ autoPoll: true });
    const y = record(client);
    expect(client.connectToUrl(url, [], true)).toBe(ErrorCode.OK);
    cleanup.push(() => client.close());
    const idG = await joined(g);
    await waitUntil(() => y.connected.includes(idG), 'Y to see G');
    await g.waitFor(isEvent('peer_connected', client.getUniqueId()));
    y.send(1, cmd('!leave')); // the Godot server stops
    await g.waitFor('connection_failed');
    const ending = (e: string) => !e.startsWith('peer_connected') && e !== 'connection_succeeded';
    await waitUntil(() => y.events.filter(ending).length > 0, 'Y to see the end'); // one poll emits them all
    const godotSaw = g.events
      .map((e) => (e.event === 'peer_disconnected' ? `peer_disconnected:${e.id}` : e.event))
      .filter((e) => ['connection_failed', 'server_disconnected'].includes(e) || e.startsWith('peer_disconnected'));
    expect(godotSaw).toEqual(['connection_failed']);
    expect(y.events.filter(ending)).toEqual(['peer_disconnected:1', `peer_disconnected:${idG}`, 'server_disconnected']);
  });
});

/** A raw `ws` client that records every message with its frame type. */
async function rawClient(url: string) {
  const ws = new RawWebSocket(url);
  cleanup.push(() => ws.terminate());
  const messages: Array<{ binary: boolean; hex: string }> = [];
  ws.on('message', (data: Buffer, binary: boolean) => messages.push({ binary, hex: data.toString('hex') }));
  await once(ws, 'open');
  return { ws, messages };
}

/** A raw `ws` server that sends `first` (if any) to each client, recording how clients close. */
async function rawServer(first: Uint8Array | null) {
  const wss = new RawWebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const received: string[] = [];
  const closes: Array<{ code: number; reason: string }> = [];
  wss.on('connection', (ws) => {
    if (first !== null) ws.send(first);
    ws.on('message', (data: Buffer) => received.push(data.toString('hex')));
    ws.on('close', (code, reason) => closes.push({ code, reason: reason.toString() }));
  });
  cleanup.push(() => {
    for (const c of wss.clients) c.terminate();
    wss.close();
  });
  const address = wss.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { wss, url: `ws://127.0.0.1:${port}/`, received, closes };
}

const le32 = (n: number): string => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b.toString('hex');
};

describe('godot4 wire handshake bytes over real sockets (reference §3.3)', () => {
  it('the server sends exactly one 4-byte binary message, the int32 LE id, then bare packets', async () => {
    const server = new WebSocketMultiplayerPeer({ wire: 'godot4', autoPoll: true });
    const s = record(server);
    expect(server.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
    cleanup.push(() => server.close());
    const url = `ws://127.0.0.1:${await server.listening(5000)}/`;
    const first = await rawClient(url);
    await waitUntil(() => first.messages.length === 1 && s.connected.length === 1, 'the id message');
    const id = s.connected[0] as number;
    expect(id).toBeGreaterThan(1);
    expect(first.messages).toEqual([{ binary: true, hex: le32(id) }]);

    // A packet from the client is one bare message: no header, the server sees the true sender.
    first.ws.send(unhex('0102'));
    await waitUntil(() => s.packets.length === 1, 'the packet at the server');
    expect(s.packets).toEqual([`${id}:0102`]);
    // A second client joins: the first one is told nothing (no peer list on this wire).
    const second = await rawClient(url);
    await waitUntil(() => s.connected.length === 2 && second.messages.length === 1, 'the second id');
    expect(second.messages).toEqual([{ binary: true, hex: le32(s.connected[1] as number) }]);
    // Server packets are bare too, to one peer or to all.
    expect(s.send(id, unhex('0a0b0c'))).toBe(ErrorCode.OK);
    expect(s.send(0, unhex('0d'))).toBe(ErrorCode.OK);
    await waitUntil(() => first.messages.length === 3 && second.messages.length === 2, 'server packets');
    expect(first.messages).toEqual([
      { binary: true, hex: le32(id) },
      { binary: true, hex: '0a0b0c' },
      { binary: true, hex: '0d' },
    ]);
    expect(second.messages.slice(1)).toEqual([{ binary: true, hex: '0d' }]);
  });

  it('our godot4 client: the first message is its id (status CONNECTED, peer 1); later messages are bare packets from 1', async () => {
    const raw = await rawServer(unhex(le32(2)));
    const peer = new WebSocketMultiplayerPeer({ wire: 'godot4', autoPoll: true });
    const c = record(peer);
    expect(peer.createClient(raw.url)).toBe(ErrorCode.OK);
    cleanup.push(() => peer.close());
    expect(await connected(peer, 5000)).toBe(2); // 2 is the smallest valid id
    expect(c.events).toEqual(['peer_connected:1', 'connection_succeeded']);
    expect(c.send(-5, unhex('0405'))).toBe(ErrorCode.OK); // any target: to the server
    await waitUntil(() => raw.received.length === 1, 'the bare packet');
    expect(raw.received).toEqual(['0405']);
    for (const client of raw.wss.clients) client.send(unhex('0a0b'));
    await waitUntil(() => c.packets.length === 1, 'a packet');
    expect(c.packets).toEqual(['1:0a0b']);
  });

  it.each([
    { what: '5 bytes', first: '0200000000' },
    { what: '3 bytes', first: '020000' },
    { what: 'an empty message', first: '' },
    { what: 'id 1', first: le32(1) },
    { what: 'id 0', first: le32(0) },
    { what: 'a negative id', first: le32(-7) },
  ])(
    'our godot4 client given $what as the first message fails with connection_failed and closes',
    async ({ first }) => {
      const raw = await rawServer(unhex(first));
      const peer = new WebSocketMultiplayerPeer({ wire: 'godot4', autoPoll: true });
      const c = record(peer);
      expect(peer.createClient(raw.url)).toBe(ErrorCode.OK);
      cleanup.push(() => peer.close());
      await expect(connected(peer, 5000)).rejects.toMatchObject({ code: ErrorCode.ERR_CANT_CONNECT });
      expect(c.events).toEqual(['connection_failed']);
      expect(peer.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_DISCONNECTED);
      expect(peer.getUniqueId()).toBe(0);
      await waitUntil(() => raw.closes.length === 1, 'the client to close the socket');
    },
  );

  it('our godot4 client fails with connection_failed when no id arrives within handshakeTimeout', async () => {
    const raw = await rawServer(null);
    const peer = new WebSocketMultiplayerPeer({ wire: 'godot4', autoPoll: true, handshakeTimeout: 0.2 });
    const c = record(peer);
    expect(peer.createClient(raw.url)).toBe(ErrorCode.OK);
    cleanup.push(() => peer.close());
    const started = Date.now();
    await expect(connected(peer, 5000)).rejects.toMatchObject({ code: ErrorCode.ERR_CANT_CONNECT });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(c.events).toEqual(['connection_failed']);
  });

  it('for contrast, the godot3 wire greets with SYS_ID then SYS_ADD(1) (reference §3.2, §3.6)', async () => {
    const server = new WebSocketMultiplayerPeer({ autoPoll: true });
    const s = record(server);
    expect(server.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
    cleanup.push(() => server.close());
    const first = await rawClient(`ws://127.0.0.1:${await server.listening(5000)}/`);
    await waitUntil(() => first.messages.length === 2 && s.connected.length === 1, 'the greeting');
    const id = le32(s.connected[0] as number);
    expect(first.messages).toEqual([
      { binary: true, hex: `030100000000000000${id}` },
      { binary: true, hex: '01010000000000000001000000' },
    ]);
  });
});

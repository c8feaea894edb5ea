/**
 * WebSocketMultiplayerPeer clients over real sockets, in Node and in Chromium (web APIs only):
 * each test opens its own room on the test server (`POST ${http}/mp-room?wire=...`: a fresh
 * auto-polled multiplayer server that echoes every packet it receives to its sender and logs what
 * it saw), and one test joins the real Godot 3.2.3 game room started by the global setup.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ConnectionStatus, ErrorCode } from 'wspeer';
import { connected as idOf, WebSocketMultiplayerPeer, type Wire } from 'wspeer/multiplayer';

const urls = inject('urls');

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const bytes = (text: string): Uint8Array =>
  new Uint8Array((text.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));

async function waitUntil(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** A fresh room on the test server: its URL and a reader for its log. */
async function openRoom(wire: Wire) {
  const response = await fetch(`${urls.http}/mp-room?wire=${wire}`, { method: 'POST' });
  const room = (await response.json()) as { url: string; log: string };
  const log = async (): Promise<string[]> => ((await (await fetch(room.log)).json()) as { events: string[] }).events;
  /** The log once it holds `entry` (or as it is after 3 s). */
  const logWith = async (entry: string): Promise<string[]> => {
    const deadline = Date.now() + 3000;
    let events = await log();
    while (!events.includes(entry) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      events = await log();
    }
    return events;
  };
  return { url: room.url, log, logWith };
}

/** An auto-polled client that records its signals and packets (`from:hex`). */
function client(wire: Wire) {
  const peer = new WebSocketMultiplayerPeer({ wire, autoPoll: true });
  cleanup.push(() => peer.close());
  const events: string[] = [];
  const connected: number[] = [];
  const packets: string[] = [];
  peer.on('peer_connected', (id) => {
    connected.push(id);
    events.push(`peer_connected:${id}`);
  });
  peer.on('peer_disconnected', (id) => events.push(`peer_disconnected:${id}`));
  peer.on('connection_succeeded', () => events.push('connection_succeeded'));
  peer.on('connection_failed', () => events.push('connection_failed'));
  peer.on('server_disconnected', () => events.push('server_disconnected'));
  peer.on('peer_packet', () => {
    while (peer.getAvailablePacketCount() > 0) {
      const from = peer.getPacketPeer();
      packets.push(`${from}:${hex(peer.getPacket())}`);
    }
  });
  return {
    peer,
    events,
    connected,
    packets,
    id: () => peer.getUniqueId(),
    join: async (url: string): Promise<number> => {
      expect(peer.createClient(url)).toBe(ErrorCode.OK);
      return idOf(peer, 5000);
    },
    send: (to: number, data: string): ErrorCode => {
      peer.setTargetPeer(to);
      return peer.putPacket(bytes(data));
    },
  };
}

type Client = ReturnType<typeof client>;

/** Three clients in a fresh room, joined one after the other. */
async function threeInARoom(wire: Wire) {
  const room = await openRoom(wire);
  const [a, b, c] = [client(wire), client(wire), client(wire)] as [Client, Client, Client];
  const ids: number[] = [];
  for (const x of [a, b, c]) ids.push(await x.join(room.url));
  return { room, a, b, c, ids: ids as [number, number, number] };
}

describe('godot3 wire over real sockets (test-server room)', () => {
  it('gives distinct ids and announces every peer to everyone, the server first', async () => {
    const { room, a, b, c, ids } = await threeInARoom('godot3');
    const [idA, idB, idC] = ids;
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toBeGreaterThan(1);
    await waitUntil(() => [a, b, c].every((x) => x.connected.length === 3), 'peer lists');
    expect(a.events).toEqual([
      'peer_connected:1',
      'connection_succeeded',
      `peer_connected:${idB}`,
      `peer_connected:${idC}`,
    ]);
    expect(b.events).toEqual([
      'peer_connected:1',
      'connection_succeeded',
      `peer_connected:${idA}`,
      `peer_connected:${idC}`,
    ]);
    // A newcomer hears of the existing peers by ascending id, as from Godot's ordered peer map.
    const [low, high] = [idA, idB].sort((x, y) => x - y);
    expect(c.events).toEqual([
      'peer_connected:1',
      'connection_succeeded',
      `peer_connected:${low}`,
      `peer_connected:${high}`,
    ]);
    expect(await room.log()).toEqual([`connected:${idA}`, `connected:${idB}`, `connected:${idC}`]);
    for (const x of [a, b, c]) expect(x.peer.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_CONNECTED);
  });

  it('relays client to client with the true sender; broadcast and exclusion reach the right peers', async () => {
    const { room, a, b, c, ids } = await threeInARoom('godot3');
    const [idA, idB, idC] = ids;
    expect(a.send(idB, '0401')).toBe(ErrorCode.OK); // B only
    expect(a.send(0, '0402')).toBe(ErrorCode.OK); // B, C and the server (which echoes it to A)
    expect(a.send(-idC, '0403')).toBe(ErrorCode.OK); // B and the server
    expect(a.send(1, '0404')).toBe(ErrorCode.OK); // the server
    expect(a.send(idC, '0405')).toBe(ErrorCode.OK); // C only (a barrier for C)
    expect(b.send(idA, '0501')).toBe(ErrorCode.OK);
    await waitUntil(
      () => b.packets.length === 3 && c.packets.length === 2 && a.packets.length === 4,
      'deliveries (and echoes)',
    );
    expect(b.packets).toEqual([`${idA}:0401`, `${idA}:0402`, `${idA}:0403`]);
    expect(c.packets).toEqual([`${idA}:0402`, `${idA}:0405`]);
    expect([...a.packets].sort()).toEqual([`${idB}:0501`, '1:0402', '1:0403', '1:0404'].sort());
    expect(a.packets.filter((p) => p.startsWith('1:'))).toEqual(['1:0402', '1:0403', '1:0404']);
    expect((await room.log()).filter((e) => e.startsWith('packet'))).toEqual([
      `packet:${idA}:0402`,
      `packet:${idA}:0403`,
      `packet:${idA}:0404`,
    ]);
  });

  it('a client leaving is announced to the others and to the server', async () => {
    const { room, a, b, c, ids } = await threeInARoom('godot3');
    const [idA, idB, idC] = ids;
    await waitUntil(() => [a, b, c].every((x) => x.connected.length === 3), 'peer lists');
    b.peer.disconnectPeer(1); // graceful close (1000)
    await waitUntil(
      () => a.events.includes(`peer_disconnected:${idB}`) && c.events.includes(`peer_disconnected:${idB}`),
      'A and C to see B leave',
    );
    await waitUntil(() => b.events.includes('server_disconnected'), 'B to see itself disconnected');
    // The leaver forgets every peer it knew, then reports server_disconnected (Godot 4 semantics).
    expect(b.events.slice(-4).sort()).toEqual(
      ['peer_disconnected:1', `peer_disconnected:${idA}`, `peer_disconnected:${idC}`, 'server_disconnected'].sort(),
    );
    expect(b.events.at(-1)).toBe('server_disconnected');
    expect(b.peer.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_DISCONNECTED);
    expect(await room.logWith(`disconnected:${idB}`)).toContain(`disconnected:${idB}`);
    // A still talks to C.
    a.send(idC, '0406');
    await waitUntil(() => c.packets.includes(`${idA}:0406`), 'A to C after B left');
  });
});

describe('godot4 wire over real sockets (test-server room)', () => {
  it('gives distinct ids; clients only ever see the server (no peer list on this wire)', async () => {
    const { room, a, b, c, ids } = await threeInARoom('godot4');
    const [idA, idB, idC] = ids;
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toBeGreaterThan(1);
    for (const x of [a, b, c]) expect(x.events).toEqual(['peer_connected:1', 'connection_succeeded']);
    expect(await room.log()).toEqual([`connected:${idA}`, `connected:${idB}`, `connected:${idC}`]);
  });

  it('every packet goes to the server whatever the target: no client-to-client relay', async () => {
    const { room, a, b, c, ids } = await threeInARoom('godot4');
    const [idA, idB] = ids;
    expect(a.send(idB, '0401')).toBe(ErrorCode.OK);
    expect(a.send(0, '0402')).toBe(ErrorCode.OK);
    expect(a.send(-idB, '0403')).toBe(ErrorCode.OK);
    expect(a.send(1, '0404')).toBe(ErrorCode.OK);
    expect(b.send(idA, '0501')).toBe(ErrorCode.OK);
    // The server got all of them from their true senders and echoed each back; packets on a
    // godot4 client always come from 1. B and C got nothing from A (no relay at this level).
    await waitUntil(() => a.packets.length === 4 && b.packets.length === 1, 'echoes');
    expect(a.packets).toEqual(['1:0401', '1:0402', '1:0403', '1:0404']);
    expect(b.packets).toEqual(['1:0501']);
    expect(c.packets).toEqual([]);
    const packets = (await room.log()).filter((e) => e.startsWith('packet'));
    expect(packets.filter((e) => e.startsWith(`packet:${idA}:`))).toEqual([
      `packet:${idA}:0401`,
      `packet:${idA}:0402`,
      `packet:${idA}:0403`,
      `packet:${idA}:0404`,
    ]);
    expect(packets.filter((e) => e.startsWith(`packet:${idB}:`))).toEqual([`packet:${idB}:0501`]);
  });

  it('a client leaving: the server sees it, the other clients are not told', async () => {
    const { room, a, b, ids } = await threeInARoom('godot4');
    const idB = ids[1];
    b.peer.disconnectPeer(1);
    await waitUntil(() => b.events.includes('server_disconnected'), 'B to see itself disconnected');
    expect(b.events.slice(-2)).toEqual(['peer_disconnected:1', 'server_disconnected']);
    expect(await room.logWith(`disconnected:${idB}`)).toContain(`disconnected:${idB}`);
    expect(a.events).toEqual(['peer_connected:1', 'connection_succeeded']);
  });
});

describe('createServer from the wspeer/multiplayer entry', () => {
  it('serves in Node; in a browser ERR_UNAVAILABLE (the bundle has no server side); ERR_ALREADY_IN_USE while a client', async () => {
    const room = await openRoom('godot3');
    const peer = new WebSocketMultiplayerPeer();
    cleanup.push(() => peer.close());
    expect(peer.createClient(room.url)).toBe(ErrorCode.OK);
    expect(peer.createServer(0)).toBe(ErrorCode.ERR_ALREADY_IN_USE);
    peer.close();
    if (typeof window === 'undefined') {
      expect(peer.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
      expect(await peer.listening(5000)).toBeGreaterThan(0);
      expect(peer.isServer()).toBe(true);
      expect(peer.stats()?.peers).toBe(0);
    } else {
      expect(peer.createServer(0)).toBe(ErrorCode.ERR_UNAVAILABLE);
      expect(peer.isServer()).toBe(false);
      expect(peer.getConnectionStatus()).toBe(ConnectionStatus.CONNECTION_DISCONNECTED);
      for (const member of ['attachServer', 'maxMessagesPerSecond']) expect(member in peer).toBe(false);
      expect(peer.stats()).toBeNull();
      await expect(peer.listening(100)).rejects.toThrow(/not a server/);
    }
  });
});

describe('a real Godot 3.2.3 game room (global setup: mp_server.gd + one greeting mp_client.gd)', () => {
  it('our clients join, are greeted by the Godot client, and see relayed packets with the right sender', async () => {
    const { url, greeter } = urls.godotRoom;
    const a = client('godot3');
    const b = client('godot3');
    const idA = await a.join(url);
    const idB = await b.join(url);
    await waitUntil(() => a.connected.includes(idB) && b.connected.length >= 3, 'A to see B, B to see everyone');
    expect(a.connected.slice(0, 2)).toEqual([1, greeter]); // Godot: the server first, then who was there
    expect(b.connected).toEqual(expect.arrayContaining([1, greeter, idA]));
    // The Godot client greets every newcomer through the Godot server: 04 + "hello <id> from <greeter>".
    const greeting = (id: number) => `${greeter}:04${hex(new TextEncoder().encode(`hello ${id} from ${greeter}`))}`;
    await waitUntil(() => a.packets.includes(greeting(idA)) && b.packets.includes(greeting(idB)), 'greetings');

    a.send(idB, '04a1'); // relayed by Godot to B only
    a.send(greeter, '04a2'); // the Godot client echoes it
    a.send(1, '04a3'); // the Godot server echoes it
    a.send(-greeter, '04a4'); // B and the Godot server (echo), not the Godot client
    a.send(idB, '04a5'); // barrier for B
    a.send(greeter, '04a6'); // barrier for the Godot client (its echoes come back in order)
    await waitUntil(() => b.packets.includes(`${idA}:04a5`), 'B to get A');
    await waitUntil(() => a.packets.includes('1:04a4') && a.packets.includes(`${greeter}:04a6`), 'the echoes');
    expect(b.packets.filter((p) => p.startsWith(`${idA}:`))).toEqual([`${idA}:04a1`, `${idA}:04a4`, `${idA}:04a5`]);
    expect(a.packets.filter((p) => p.startsWith(`${greeter}:`))).toEqual([
      greeting(idA),
      `${greeter}:04a2`,
      `${greeter}:04a6`,
    ]);
    expect(a.packets.filter((p) => p.startsWith('1:'))).toEqual(['1:04a3', '1:04a4']);
  });
});

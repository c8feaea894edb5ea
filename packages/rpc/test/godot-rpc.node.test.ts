/**
 * High-level multiplayer interop with the real Godot 3.2.3 runtime (`godot3-server`): our
 * `MultiplayerAPI` over `WebSocketMultiplayerPeer` against Godot's MultiplayerAPI over its
 * WebSocketServer / WebSocketClient (gd_mp_api). The Godot side runs the test kit's
 * `rpc_server.gd` / `rpc_client.gd`, with `/root/Probe` (and `/root/Player` on the server) running
 * `rpc_probe.gd`, which checks every value it receives against `rpc_values.gd` (typeof and exact
 * value at every level) and prints one JSON event per RPC. `VALUES` below is the same catalogue,
 * in the same order: what we send, what we must decode, and (for the byte check) what our encoder
 * makes of it, which must equal what Godot put on the wire.
 */
import { freePort, type GodotEvent, type GodotProcess, startGodot } from '@wspeer/test-kit/node';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { encodeVariant, godot3Codec, MultiplayerAPI, type Variant } from 'wspeer/rpc';

const cleanup: Array<() => unknown> = [];
/** The Godot processes of the running test, for failure messages. */
const started: GodotProcess[] = [];
afterEach(async () => {
  started.length = 0;
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

import {
  type Call,
  cstring,
  type Hooks,
  probeNode,
  relayPingPong,
  tap,
  type WireEntry,
  wireText,
} from './rpc-probe.js';
// ---------------------------------------------------------------------------------------------
import { COUNT, EXPECTED, SEND, VALUES } from './rpc-values.js';

// ---------------------------------------------------------------------------------------------
// Wire helpers.
const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The Variant bytes of a REMOTE_CALL (all arguments) or REMOTE_SET (the value), path left out. */
function valueBytes(bytes: Uint8Array): Uint8Array {
  const target = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(1, true);
  const end = target & 0x80000000 ? target & 0x7fffffff : bytes.byteLength;
  const name = cstring(bytes, 5);
  return bytes.subarray(bytes[0] === 0 ? name.end + 2 : name.end + 1, end);
}

/**
 * Godot 3.2.3 does not write the padding after NodePath names (marshalls.cpp, NODE_PATH:
 * `buf += pad + utf8.length()` skips it), so those bytes are whatever its reused packet buffer held
 * (seen: `05000000 50726f6265 000001` and `... 000043` for "Probe"). Decoders ignore them; so does
 * the byte check: this walks one encoded Variant and zeroes the padding of every NodePath in it.
 * Returns the offset after the value.
 */
function zeroNodePathPadding(b: Uint8Array, at: number): number {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u32 = (offset: number) => view.getUint32(offset, true);
  const padded = (length: number) => length + ((4 - (length % 4)) % 4);
  const header = u32(at);
  const wide = (header & 0x10000) !== 0;
  at += 4;
  const fixed: Record<number, number> = {
    0: 0,
    1: 4,
    5: 8,
    6: 16,
    7: 12,
    8: 24,
    9: 16,
    10: 16,
    11: 24,
    12: 36,
    13: 48,
  };
  const type = header & 0xff;
  if (fixed[type] !== undefined) return at + (fixed[type] as number);
  switch (type) {
    case 2:
    case 3:
      return at + (wide ? 8 : 4);
    case 4:
    case 20:
      return at + 4 + padded(u32(at));
    case 14:
      return at + 16;
    case 15: {
      const count = (u32(at) & 0x7fffffff) + u32(at + 4);
      at += 12;
      for (let i = 0; i < count; i++) {
        const length = u32(at);
        const end = at + 4 + length;
        at = at + 4 + padded(length);
        b.fill(0, end, at);
      }
      return at;
    }
    case 16:
      return at;
    case 18:
    case 19: {
      const count = (u32(at) & 0x7fffffff) * (type === 18 ? 2 : 1);
      at += 4;
      for (let i = 0; i < count; i++) at = zeroNodePathPadding(b, at);
      return at;
    }
    case 23: {
      const count = u32(at);
      at += 4;
      for (let i = 0; i < count; i++) at += 4 + padded(u32(at));
      return at;
    }
    default: {
      const size: Record<number, number> = { 21: 4, 22: 4, 24: 8, 25: 12, 26: 16 };
      return at + 4 + u32(at) * (size[type] ?? 0);
    }
  }
}

/** `actual` cut where our encodings of `values` end, as hex, next to our encodings: a diff names the first bad value. */
function compareEncodings(actual: Uint8Array, values: readonly Variant[]): { got: string[]; want: string[] } {
  const want = values.map((v) => hex(encodeVariant(v)));
  const bytes = actual.slice();
  const got: string[] = [];
  let at = 0;
  for (const w of want) {
    const end = at + w.length / 2;
    try {
      zeroNodePathPadding(bytes, at);
    } catch {
      // malformed: compare as is
    }
    got.push(hex(bytes.subarray(at, end)));
    at = end;
  }
  if (at < bytes.byteLength) got.push(`extra ${hex(bytes.subarray(at))}`);
  return { got, want };
}

/** Our MultiplayerAPI over a WebSocketMultiplayerPeer, polled every millisecond like a game loop. */
function ourSide(peer: WebSocketMultiplayerPeer, hooks: Hooks = {}) {
  const wire = tap(peer);
  // The catalogue sends every Godot 3 type: the whole table.
  const api = new MultiplayerAPI(peer, { codec: godot3Codec });
  const calls: Call[] = [];
  const refused: Array<{ from: number; reason: string }> = [];
  api.on('rpc_refused', (from, reason) => refused.push({ from, reason }));
  const probe = probeNode(api, 'Probe', calls, hooks);
  const loop = setInterval(() => api.poll(), 1);
  cleanup.push(() => {
    clearInterval(loop);
    peer.close();
  });
  const called = (fn: string, from?: number) =>
    calls.filter((c) => c.fn === fn && (from === undefined || c.sender === from));
  return { peer, api, wire, calls, refused, probe, called };
}

async function ourServer(hooks: Hooks = {}) {
  const peer = new WebSocketMultiplayerPeer();
  expect(peer.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
  const side = ourSide(peer, hooks);
  const port = await peer.listening(5000);
  return { ...side, url: `ws://127.0.0.1:${port}/` };
}

async function ourClient(url: string) {
  const peer = new WebSocketMultiplayerPeer();
  expect(peer.createClient(url)).toBe(ErrorCode.OK);
  const side = ourSide(peer);
  const id = await connected(peer, 5000);
  await waitUntil(() => side.api.getNetworkConnectedPeers().includes(1), 'our client to see the server');
  return { ...side, id };
}

// ---------------------------------------------------------------------------------------------
// Godot side.
function godot(script: 'rpc_server.gd' | 'rpc_client.gd', args: Record<string, string | number>): GodotProcess {
  const process = startGodot(script, { lifetime: 20, ...args }, 30_000);
  started.push(process);
  cleanup.push(() => process.stop());
  return process;
}

async function godotServer() {
  const port = await freePort();
  const g = godot('rpc_server.gd', { port });
  const listening = await g.waitFor('listening', 10_000);
  expect(listening.err).toBe(0);
  return { g, url: `ws://127.0.0.1:${port}/` };
}

async function joined(g: GodotProcess): Promise<number> {
  const id = Number((await g.waitFor('connected', 10_000)).id);
  expect(id).toBeGreaterThan(1);
  return id;
}

async function waitUntil(done: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) {
      const transcripts = started.map((g, i) => `--- Godot process ${i + 1}:\n${g.transcript()}`).join('\n');
      throw new Error(`timed out waiting for ${what}\n${transcripts}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** A Godot stderr line matching `pattern` (Godot prints errors as `ERROR: <function>: <message>`). */
async function godotLine(g: GodotProcess, pattern: RegExp): Promise<string> {
  await waitUntil(() => g.output.some((l) => pattern.test(l)), `Godot to print ${pattern}`);
  return g.output.find((l) => pattern.test(l)) as string;
}

const received =
  (fn: string, sender?: number, node = 'Probe') =>
  (e: GodotEvent) =>
    e.event === 'received' && e.fn === fn && e.node === node && (sender === undefined || e.sender === sender);
const rset = (name: string) => (e: GodotEvent) => e.event === 'rset' && e.name === name;

/** Godot's verdict on one call: the JSON event, with `ok` and no mismatches. */
async function godotChecked(g: GodotProcess, match: (e: GodotEvent) => boolean, sender: number): Promise<void> {
  const event = await g.waitFor(match, 10_000);
  expect(event.mismatches, `${event.fn ?? event.name} as Godot saw it`).toEqual([]);
  expect(event.ok).toBe(true);
  expect(event.sender).toBe(sender);
  if (event.event === 'received') expect(event.count).toBe(COUNT);
}

/** Our verdict on a call Godot made: decoded values and the exact bytes Godot used. */
function expectValues(call: Call | undefined, sender: number): void {
  expect(call, 'the call ran').toBeDefined();
  const c = call as Call;
  expect(c.sender).toBe(sender);
  expect(c.args).toEqual(EXPECTED);
}

function expectGodotBytes(entry: WireEntry | undefined, values: readonly Variant[]): void {
  expect(entry, 'the packet arrived').toBeDefined();
  const { got, want } = compareEncodings(valueBytes((entry as WireEntry).bytes), values);
  expect(got).toEqual(want);
}

describe('RPC interop with real Godot 3.2.3 (godot3-server)', () => {
  it('the catalogue matches rpc_values.gd', () => {
    expect(VALUES.length).toBe(COUNT);
  });

  it('two Godot clients call a master func on our server with every Variant type; our rpc_id, rpc and rset_id answers reach Godot exact', async () => {
    // Round 1 of each client: everything(values) -> we check, answer that client with
    // rpc_id(remote_all), rpc_id(puppet_all) and rset_id(puppet_value); once both clients called,
    // rpc(remotesync_all) and rset(puppet_score, 77) to everyone. Each client then calls
    // everything(values) again (round 2).
    const round1 = new Set<number>();
    const results: ErrorCode[] = [];
    const server = await ourServer({
      everything: (sender) => {
        if (round1.has(sender)) return;
        round1.add(sender);
        results.push(server.probe.rpcId(sender, 'remote_all', ...SEND));
        results.push(server.probe.rpcId(sender, 'puppet_all', ...SEND));
        results.push(server.probe.rsetId(sender, 'puppet_value', SEND));
        if (round1.size === 2) {
          results.push(server.probe.rpc('remotesync_all', ...SEND));
          results.push(server.probe.rset('puppet_score', 77));
        }
      },
    });
    const a = godot('rpc_client.gd', { url: server.url, everything: 1, round2: 1 });
    const b = godot('rpc_client.gd', { url: server.url, everything: 1, round2: 1 });
    const [idA, idB] = await Promise.all([joined(a), joined(b)]);
    expect(idA).not.toBe(idB);

    for (const [g, id] of [
      [a, idA],
      [b, idB],
    ] as const) {
      // Godot checked every value we sent, and saw us (1) as the sender.
      await godotChecked(g, received('remote_all'), 1);
      await godotChecked(g, received('puppet_all'), 1);
      await godotChecked(g, received('remotesync_all'), 1);
      await godotChecked(g, rset('puppet_value'), 1);
      const score = await g.waitFor(rset('puppet_score'), 5000);
      expect([score.sender, score.value, score.type]).toEqual([1, '77', 2]);
      await g.waitFor('round2_sent', 5000);
      await waitUntil(() => server.called('everything', id).length === 2, `round 2 of ${id}`);

      // We decoded every value Godot sent, with the right sender, both rounds.
      const calls = server.called('everything', id);
      expectValues(calls[0], id);
      expectValues(calls[1], id);
      // Godot's bytes are exactly our encoding of the same values (int vs float, float32 vs
      // float64, int32 vs int64, string padding, dictionary order...).
      const packets = server.wire.filter((e) => e.dir === 'in' && e.peer === id);
      expect(packets.map((e) => e.text)).toEqual([
        'simplify 1 Probe',
        'call everything (path Probe)',
        'confirm Probe',
        'call everything (cache 1)',
      ]);
      expectGodotBytes(packets[1], SEND);
      expectGodotBytes(packets[3], SEND);
      // We confirmed Godot's path once, and taught it ours once (Godot confirmed it, above).
      const out = wireText(server.wire, 'out', id);
      expect(out.filter((t) => t === 'confirm Probe')).toHaveLength(1);
      expect(out.filter((t) => t.startsWith('simplify'))).toEqual(['simplify 1 Probe']);
    }
    expect(results).toEqual(Array(8).fill(ErrorCode.OK));
    // remotesync also ran here, with our own id as the sender.
    expect(server.called('remotesync_all').map((c) => c.sender)).toEqual([1]);
    expect(server.refused).toEqual([]);
  });

  it('a Godot server calls our client: rpc_id and rpc to remote, puppet and remotesync funcs, rset_id and rset of puppet vars', async () => {
    const { g, url } = await godotServer();
    const c = await ourClient(url);
    expect(c.probe.rpcId(1, 'request', 'values')).toBe(ErrorCode.OK);
    await waitUntil(() => c.called('done').length === 1, 'done("values")');

    // Everything ran, in Godot's order, from the server (1).
    expect(c.calls.map((x) => `${x.fn} from ${x.sender}`)).toEqual([
      'remote_all from 1',
      'puppet_all from 1',
      'remotesync_all from 1',
      'rset puppet_value from 1',
      'rset puppet_score from 1',
      'done from 1',
    ]);
    expectValues(c.called('remote_all')[0], 1);
    expectValues(c.called('puppet_all')[0], 1);
    expectValues(c.called('remotesync_all')[0], 1);
    expect(c.called('rset puppet_value')[0]?.args).toEqual([EXPECTED]);
    expect(c.probe.get('puppet_value')).toEqual(EXPECTED);
    expect(c.probe.get('puppet_score')).toBe(77);
    expect(c.called('done')[0]?.args).toEqual(['values']);

    // Godot's packets: it taught us its path once, then full-path calls until our confirmation arrived.
    const fromGodot = c.wire.filter((e) => e.dir === 'in' && e.peer === 1);
    expect(fromGodot.map((e) => e.text)).toEqual([
      'confirm Probe',
      'simplify 1 Probe',
      'call remote_all (path Probe)',
      'call puppet_all (path Probe)',
      'call remotesync_all (path Probe)',
      'set puppet_value (path Probe)',
      'set puppet_score (path Probe)',
      'call done (path Probe)',
    ]);
    for (const e of fromGodot.slice(2, 5)) expectGodotBytes(e, SEND);
    expectGodotBytes(fromGodot[5], [SEND]);
    expectGodotBytes(fromGodot[6], [77]);

    // Our turn: rpc_id to Godot's master func, then rpc (remotesync: Godot and us).
    expect(c.probe.rpcId(1, 'everything', ...SEND)).toBe(ErrorCode.OK);
    expect(c.probe.rpc('remotesync_all', ...SEND)).toBe(ErrorCode.OK);
    await godotChecked(g, received('everything', c.id), c.id);
    await godotChecked(g, received('remotesync_all', c.id), c.id);
    await waitUntil(() => c.called('checked').length === 1, 'checked()');
    expect(c.called('checked')[0]?.args).toEqual(['everything', c.id, []]);
    // Ours ran locally too, with our own id.
    expect(c.called('remotesync_all').map((x) => x.sender)).toEqual([1, c.id]);
    // Both sides now use the cache id.
    expect(wireText(c.wire, 'out', 1)).toEqual([
      'simplify 1 Probe',
      'call request (path Probe)',
      'confirm Probe',
      'call everything (cache 1)',
    ]);
    expect(wireText(c.wire, 'out', 0)).toEqual(['call remotesync_all (cache 1)']);
    expect(wireText(c.wire, 'in', 1).at(-1)).toBe('call checked (cache 1)');
    expect(c.refused).toEqual([]);
  });

  describe.each(['our server', "Godot's server"])('client to client through %s', (kind) => {
    it('a Godot client and our client call each other, path cache confirmed both ways', async () => {
      const url = kind === 'our server' ? (await ourServer()).url : (await godotServer()).url;
      const g = godot('rpc_client.gd', { url });
      const idG = await joined(g);
      const c = await ourClient(url);
      await waitUntil(() => c.api.getNetworkConnectedPeers().includes(idG), 'our client to see the Godot client');

      await relayPingPong(c, idG, waitUntil);
      // Godot ran both pings with our id as the sender.
      expect(g.all('relay_ping').map((e) => `${e.sender}:${e.text}`)).toEqual([`${c.id}:one`, `${c.id}:two ✓`]);
    });
  });

  it('a Godot client calling a puppet func on our server is refused visibly; the server keeps serving', async () => {
    const results: ErrorCode[] = [];
    const server = await ourServer({
      everything: (sender) => {
        results.push(server.probe.rpcId(sender, 'remote_all', ...SEND));
      },
    });
    const a = godot('rpc_client.gd', { url: server.url, forbidden: 1, everything: 1 });
    const idA = await joined(a);
    const b = godot('rpc_client.gd', { url: server.url, everything: 1 });
    const idB = await joined(b);
    await godotChecked(a, received('remote_all'), 1);
    await godotChecked(b, received('remote_all'), 1);

    expect(server.refused).toEqual([
      {
        from: idA,
        reason: `RPC 'forbidden' is not allowed on node Probe from: ${idA}. Mode is puppet (3), master is 1.`,
      },
    ]);
    expect(server.called('forbidden')).toEqual([]);
    expect(results).toEqual([ErrorCode.OK, ErrorCode.OK]);
    expectValues(server.called('everything', idA)[0], idA);
    expectValues(server.called('everything', idB)[0], idB);
    // Godot sent it like any call; it did not run it locally either (rpc_id(1) does not target itself).
    expect(wireText(server.wire, 'in', idA).slice(0, 3)).toEqual([
      'simplify 1 Probe',
      'call forbidden (path Probe)',
      'call everything (path Probe)',
    ]);
    expect(a.all('forbidden_ran')).toEqual([]);
  });

  it('our client calling funcs a Godot server does not allow is refused by Godot (its error lines), which keeps serving', async () => {
    const { g, url } = await godotServer();
    const c = await ourClient(url);
    const player = probeNode(c.api, 'Player', c.calls);

    // 1. A puppet func on the server, which is master of /root/Probe.
    expect(c.probe.rpcId(1, 'forbidden', 5)).toBe(ErrorCode.OK);
    // 2. A master func on /root/Player once the server made us its master (the server is a puppet there).
    expect(c.probe.rpcId(1, 'request', 'player')).toBe(ErrorCode.OK);
    await waitUntil(() => c.called('done').length === 1, 'done("player")');
    expect(player.rpcId(1, 'everything', ...SEND)).toBe(ErrorCode.OK);
    // 3. The server still answers.
    expect(c.probe.rpcId(1, 'request', 'ping')).toBe(ErrorCode.OK);
    await waitUntil(() => c.called('done').length === 2, 'done("ping")');
    expect(c.called('done').map((x) => x.args[0])).toEqual(['player', 'ping']);

    const puppetLine = await godotLine(g, /RPC 'forbidden' is not allowed/);
    expect(puppetLine).toBe(
      `ERROR: _process_rpc: RPC 'forbidden' is not allowed on node /root/Probe from: ${c.id}. Mode is 3, master is 1.`,
    );
    const masterLine = await godotLine(g, /RPC 'everything' is not allowed/);
    expect(masterLine).toBe(
      `ERROR: _process_rpc: RPC 'everything' is not allowed on node /root/Player from: ${c.id}. Mode is 2, master is ${c.id}.`,
    );
    expect(g.all('forbidden_ran')).toEqual([]);
    expect(g.events.filter(received('everything', undefined, 'Player'))).toEqual([]);
    expect(g.all('request').map((e) => e.kind)).toEqual(['player', 'ping']);
  });
});

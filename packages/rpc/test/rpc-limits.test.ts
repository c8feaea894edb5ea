import { MultiplayerAPI, NetworkCommand, nodePathKey } from '@wspeer/rpc';
import { describe, expect, it } from 'vitest';
import { FakeServerPeer } from './fake-peer.js';

const encoder = new TextEncoder();

/** `[cmd][u32 word][text\0]`, the shape of SIMPLIFY_PATH (word = cache id). */
function simplifyPath(id: number, path: string): Uint8Array {
  const text = encoder.encode(path);
  const packet = new Uint8Array(6 + text.byteLength);
  packet[0] = NetworkCommand.SIMPLIFY_PATH;
  new DataView(packet.buffer).setUint32(1, id, true);
  packet.set(text, 5);
  return packet;
}

/** A REMOTE_CALL naming its node by full path: `[0][flag|offset][name\0][argc=0][path\0]`. */
function callByPath(path: string, method: string): Uint8Array {
  const name = encoder.encode(method);
  const target = encoder.encode(path);
  const offset = 5 + name.byteLength + 2;
  const packet = new Uint8Array(offset + target.byteLength + 1);
  packet[0] = NetworkCommand.REMOTE_CALL;
  new DataView(packet.buffer).setUint32(1, (0x80000000 | offset) >>> 0, true);
  packet.set(name, 5);
  packet.set(target, offset);
  return packet;
}

/** `i` in letters (a, b, ..., z, ba, ...): names that differ by more than their digits. */
function letters(i: number): string {
  let out = '';
  do {
    out = String.fromCharCode(97 + (i % 26)) + out;
    i = Math.floor(i / 26);
  } while (i > 0);
  return out;
}

function serverApi(log: string[] | null = null) {
  const peer = new FakeServerPeer();
  const api = new MultiplayerAPI(peer.asPeer(), { log: log === null ? null : (line) => log.push(line) });
  peer.join(7);
  return { peer, api };
}

describe('RPC layer limits (hostile input)', () => {
  it('keys a node path in linear time: 65,000 slashes between two names take milliseconds, not seconds', () => {
    const path = `X${'/'.repeat(65_000)}Y`;
    const started = performance.now();
    expect(nodePathKey(path)).toBe(path);
    expect(nodePathKey(`/root/${'/'.repeat(65_000)}`)).toBe('');
    expect(nodePathKey('//Main/Game//')).toBe('Main/Game');
    expect(nodePathKey(' /root/Main ')).toBe('Main');
    // Before: about 2 s per path (a backtracking /^\/+|\/+$/g).
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a call to a 65,000-slash path quickly, quoting at most 64 characters of it', () => {
    const { peer, api } = serverApi();
    const refused: string[] = [];
    api.on('rpc_refused', (_from, reason) => refused.push(reason));
    const started = performance.now();
    for (let i = 0; i < 5; i++) peer.inject(7, callByPath(`X${'/'.repeat(65_000)}Y`, 'go'));
    api.poll();
    expect(performance.now() - started).toBeLessThan(250);
    expect(refused).toHaveLength(5);
    for (const reason of refused) expect(reason.length).toBeLessThan(160);
  });

  it('counts refusals by kind and logs one bounded line per kind, whatever names the sender makes up', () => {
    const lines: string[] = [];
    const { peer, api } = serverApi(lines);
    api.node('Main/Game', { methods: { go: { mode: 'master', handler: () => {} } } });
    for (let i = 0; i < 300; i++) peer.inject(7, callByPath('Main/Game', `${letters(i)}_${'x'.repeat(20_000)}`));
    api.poll();
    // Before: one log line per distinct name (300 lines of 20 KB), and one table entry per name, kept forever.
    expect(lines.length).toBe(1);
    expect(lines.join('').length).toBeLessThan(400);
    expect(api.stats().refused).toEqual({ 'not-allowed': 300 });
  });

  it('bounds the paths one sender may teach: past the budget SIMPLIFY_PATH is refused and not confirmed', () => {
    const { peer, api } = serverApi();
    const path = `Main/${'p'.repeat(10_000)}`;
    for (let i = 0; i < 200; i++) peer.inject(7, simplifyPath(i + 1, `${path}${i}`));
    api.poll();
    const confirms = peer.sent.filter((s) => s.packet[0] === NetworkCommand.CONFIRM_PATH).length;
    // Before: all 200 paths (2 MB) kept and confirmed while the sender stays connected.
    expect(confirms).toBeGreaterThan(0);
    expect(confirms).toBeLessThanOrEqual(Math.floor((64 * 1024) / 10_000));
    const stats = api.stats();
    expect(stats.cachedPathBytes).toBeLessThanOrEqual(64 * 1024);
    expect(stats.refused['path-cache-full']).toBe(200 - confirms);
    peer.emit('peer_disconnected', 7);
    expect(api.stats()).toMatchObject({ cachedPaths: 0, cachedPathBytes: 0 });
  });

  it('still serves a sender whose cache is full: calls by full path work', () => {
    const { peer, api } = serverApi();
    const calls: number[] = [];
    api.node('Main/Game', { methods: { go: { mode: 'any_peer', handler: () => calls.push(api.getRpcSenderId()) } } });
    api.maxPathCacheBytes = 0;
    peer.inject(7, simplifyPath(1, 'Main/Game'));
    peer.inject(7, callByPath('Main/Game', 'go'));
    api.poll();
    expect(api.stats().refused['path-cache-full']).toBe(1);
    expect(calls).toEqual([7]);
  });
});

/**
 * Shared by the Godot RPC interop tests: a tap that records every MultiplayerAPI packet a peer sends
 * and receives (with a readable description), and our side of the `Probe` node as
 * `packages/test-kit/godot/rpc_probe.gd` declares it. Web APIs only (Node and Chromium).
 */
import { expect } from 'vitest';
import { ErrorCode } from 'wspeer';
import type { MultiplayerPeer } from 'wspeer/multiplayer';
import type { MultiplayerAPI, Variant } from 'wspeer/rpc';

// ---------------------------------------------------------------------------------------------
// Wire helpers.
export const utf8 = new TextDecoder();

export function cstring(bytes: Uint8Array, at: number): { text: string; end: number } {
  const end = bytes.indexOf(0, at);
  return { text: utf8.decode(bytes.subarray(at, end)), end };
}

/** A MultiplayerAPI packet in words: `simplify 1 Probe`, `confirm Probe`, `call NAME (path P | cache N)`, `set NAME (...)`. */
export function describePacket(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (bytes[0]) {
    case 0:
    case 1: {
      const target = view.getUint32(1, true);
      const how = target & 0x80000000 ? `path ${cstring(bytes, target & 0x7fffffff).text}` : `cache ${target}`;
      return `${bytes[0] === 0 ? 'call' : 'set'} ${cstring(bytes, 5).text} (${how})`;
    }
    case 2:
      return `simplify ${view.getUint32(1, true)} ${cstring(bytes, 5).text}`;
    case 3:
      return `confirm ${cstring(bytes, 1).text}`;
    default:
      return `command ${bytes[0]}`;
  }
}

export interface WireEntry {
  dir: 'in' | 'out';
  /** Source peer (in) or target peer (out). */
  peer: number;
  bytes: Uint8Array;
  text: string;
}

/** Records every MultiplayerAPI packet a peer sends and receives, by wrapping its putPacket/getPacket. */
export function tap(peer: MultiplayerPeer): WireEntry[] {
  const log: WireEntry[] = [];
  let target = 0;
  const setTarget = peer.setTargetPeer.bind(peer);
  const put = peer.putPacket.bind(peer);
  const get = peer.getPacket.bind(peer);
  peer.setTargetPeer = (id: number) => {
    target = id;
    setTarget(id);
  };
  peer.putPacket = (bytes: Uint8Array) => {
    log.push({ dir: 'out', peer: target, bytes: bytes.slice(), text: describePacket(bytes) });
    return put(bytes);
  };
  peer.getPacket = () => {
    const from = peer.getPacketPeer();
    const bytes = get();
    log.push({ dir: 'in', peer: from, bytes: bytes.slice(), text: describePacket(bytes) });
    return bytes;
  };
  return log;
}

export const wireText = (log: WireEntry[], dir: 'in' | 'out', peer: number): string[] =>
  log.filter((e) => e.dir === dir && e.peer === peer).map((e) => e.text);

// ---------------------------------------------------------------------------------------------
// Our side: the Probe node as rpc_probe.gd declares it, recording every call that runs.
export interface Call {
  node: string;
  fn: string;
  sender: number;
  args: Variant[];
}

export interface Hooks {
  everything?: (sender: number) => void;
}

export function probeNode(api: MultiplayerAPI, path: string, calls: Call[], hooks: Hooks = {}) {
  const record =
    (fn: string) =>
    (...args: Variant[]): void => {
      const sender = api.getRpcSenderId();
      calls.push({ node: path, fn, sender, args });
      if (fn === 'everything') hooks.everything?.(sender);
    };
  const changed =
    (name: string) =>
    (value: Variant): void => {
      calls.push({ node: path, fn: `rset ${name}`, sender: api.getRpcSenderId(), args: [value] });
    };
  return api.node(path, {
    methods: {
      everything: { mode: 'master', handler: record('everything') },
      remote_all: { mode: 'remote', handler: record('remote_all') },
      puppet_all: { mode: 'puppet', handler: record('puppet_all') },
      remotesync_all: { mode: 'remotesync', handler: record('remotesync_all') },
      forbidden: { mode: 'puppet', handler: record('forbidden') },
      request: { mode: 'master', handler: record('request') },
      done: { mode: 'remote', handler: record('done') },
      checked: { mode: 'remote', handler: record('checked') },
      relay_ping: { mode: 'remote', handler: record('relay_ping') },
      relay_pong: { mode: 'remote', handler: record('relay_pong') },
    },
    properties: {
      puppet_value: { mode: 'puppet', value: null as Variant, changed: changed('puppet_value') },
      puppet_score: { mode: 'puppet', value: 0 as Variant, changed: changed('puppet_score') },
    },
  });
}

/** What {@link relayPingPong} needs of one of our clients. */
export interface RelayClient {
  probe: ReturnType<typeof probeNode>;
  wire: WireEntry[];
  refused: unknown[];
  called(fn: string): Call[];
}

/**
 * Our client pings `other` (a Godot client) twice through the server's relay, "one" then "two ✓",
 * and checks both pongs and Godot 3.2's path cache: one SIMPLIFY_PATH / CONFIRM_PATH exchange each
 * way, then the cache id, both ways. `waitUntil` is the calling test's (its failure report).
 */
export async function relayPingPong(
  c: RelayClient,
  other: number,
  waitUntil: (done: () => boolean, what: string) => Promise<void>,
): Promise<void> {
  expect(c.probe.rpcId(other, 'relay_ping', 'one')).toBe(ErrorCode.OK);
  await waitUntil(() => c.called('relay_pong').length === 1, 'pong one');
  expect(c.probe.rpcId(other, 'relay_ping', 'two ✓')).toBe(ErrorCode.OK);
  await waitUntil(() => c.called('relay_pong').length === 2, 'pong two');
  expect(c.called('relay_pong')).toEqual([
    { node: 'Probe', fn: 'relay_pong', sender: other, args: ['one', other] },
    { node: 'Probe', fn: 'relay_pong', sender: other, args: ['two ✓', other] },
  ]);
  expect(wireText(c.wire, 'out', other)).toEqual([
    'simplify 1 Probe',
    'call relay_ping (path Probe)',
    'confirm Probe',
    'call relay_ping (cache 1)',
  ]);
  expect(wireText(c.wire, 'in', other)).toEqual([
    'confirm Probe',
    'simplify 1 Probe',
    'call relay_pong (path Probe)',
    'call relay_pong (cache 1)',
  ]);
  expect(c.refused).toEqual([]);
}

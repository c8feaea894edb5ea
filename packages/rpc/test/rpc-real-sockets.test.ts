/**
 * Our MultiplayerAPI against a real Godot 3.2.3 RPC server over real sockets, in Node and in
 * Chromium (web APIs only): the global setup (`packages/test-kit/src/rpc-global-setup.ts`) starts
 * `rpc_server.gd` and one Godot client in it (the relay helper) and provides `inject('rpc')`.
 * Each test connects a fresh client of ours (`WebSocketMultiplayerPeer` from 'wspeer/multiplayer'
 * + `MultiplayerAPI` from 'wspeer/rpc') and asks the server for what it wants by calling its
 * master func `request(kind)`; the server answers the caller only (see `rpc_probe.gd`), so the tests
 * do not depend on each other. `VALUES` is the catalogue of `rpc_values.gd`, in the same order
 * (kept in step with `godot-rpc.node.test.ts`, which also checks Godot's bytes).
 */

import { afterEach, describe, expect, inject, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { godot3Codec, MultiplayerAPI } from 'wspeer/rpc';
import type { RpcInterop } from '../../test-kit/src/rpc-global-setup.ts';

const godot: RpcInterop = inject('rpc');

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

import { type Call, probeNode, relayPingPong, tap, wireText } from './rpc-probe.js';
// ---------------------------------------------------------------------------------------------
import { COUNT, EXPECTED, SEND, VALUES } from './rpc-values.js';

/** A fresh client of ours in the Godot server, polled every millisecond like a game loop. */
async function ourClient() {
  const peer = new WebSocketMultiplayerPeer();
  const wire = tap(peer);
  // The catalogue sends every Godot 3 type: the whole table.
  const api = new MultiplayerAPI(peer, { codec: godot3Codec });
  const calls: Call[] = [];
  const refused: Array<{ from: number; reason: string }> = [];
  api.on('rpc_refused', (from, reason) => refused.push({ from, reason }));
  const probe = probeNode(api, 'Probe', calls);
  const loop = setInterval(() => api.poll(), 1);
  cleanup.push(() => {
    clearInterval(loop);
    peer.close();
  });
  expect(peer.createClient(godot.url)).toBe(ErrorCode.OK);
  const id = await connected(peer, 5000);
  await waitUntil(
    () => [1, godot.helper].every((p) => api.getNetworkConnectedPeers().includes(p)),
    'our client to see the server and the Godot client',
  );
  const called = (fn: string) => calls.filter((c) => c.fn === fn);
  return { peer, api, wire, calls, refused, probe, called, id };
}

async function waitUntil(done: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('MultiplayerAPI with a real Godot 3.2.3 RPC server (real sockets)', () => {
  it('the catalogue matches rpc_values.gd', () => {
    expect(VALUES.length).toBe(COUNT);
  });

  it('receives rpc_id, rpc and rset_id / rset from the Godot server, every value exact', async () => {
    const c = await ourClient();
    expect(c.probe.rpcId(1, 'request', 'values')).toBe(ErrorCode.OK);
    await waitUntil(() => c.called('done').length === 1, 'done("values")');

    expect(c.calls.map((x) => `${x.fn} from ${x.sender}`)).toEqual([
      'remote_all from 1',
      'puppet_all from 1',
      'remotesync_all from 1',
      'rset puppet_value from 1',
      'rset puppet_score from 1',
      'done from 1',
    ]);
    for (const fn of ['remote_all', 'puppet_all', 'remotesync_all']) expect(c.called(fn)[0]?.args).toEqual(EXPECTED);
    expect(c.probe.get('puppet_value')).toEqual(EXPECTED);
    expect(c.probe.get('puppet_score')).toBe(77);
    expect(wireText(c.wire, 'in', 1)).toEqual([
      'confirm Probe',
      'simplify 1 Probe',
      'call remote_all (path Probe)',
      'call puppet_all (path Probe)',
      'call remotesync_all (path Probe)',
      'set puppet_value (path Probe)',
      'set puppet_score (path Probe)',
      'call done (path Probe)',
    ]);
    expect(c.refused).toEqual([]);
  });

  it('calls a master func on the Godot server, which checks every value and sees our id', async () => {
    const c = await ourClient();
    expect(c.probe.rpcId(1, 'everything', ...SEND)).toBe(ErrorCode.OK);
    await waitUntil(() => c.called('checked').length === 1, 'checked()');
    // Godot's verdict, sent back by Godot: the function, the sender it saw, its mismatches (none).
    expect(c.called('checked')).toEqual([{ node: 'Probe', fn: 'checked', sender: 1, args: ['everything', c.id, []] }]);
    expect(c.refused).toEqual([]);
  });

  it('calls the Godot client through the Godot server and back, path cache confirmed both ways', async () => {
    const c = await ourClient();
    await relayPingPong(c, godot.helper, waitUntil);
  });
});

import { WebSocketClient } from '@wspeer/core';
import { frame } from '@wspeer/multiplayer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drain, room, settle } from './mp-fixture.js';

/** Random messages, plus valid frames truncated or with flipped bits. */
function hostileMessage(own: number, victim: number) {
  const valid = fc
    .tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom(own, 12345, -own, 0),
      fc.constantFrom(victim, 0, 1, -1, own, 999),
      fc.uint8Array({ maxLength: 40 }),
    )
    .map(([type, from, to, payload]) => frame(type, from, to, payload));
  const truncated = fc.tuple(valid, fc.nat(12)).map(([m, n]) => m.subarray(0, Math.min(n, m.byteLength)));
  const flipped = fc.tuple(valid, fc.nat(), fc.integer({ min: 0, max: 7 })).map(([m, at, bit]) => {
    const copy = m.slice();
    if (copy.byteLength > 0) copy[at % copy.byteLength] = (copy[at % copy.byteLength] as number) ^ (1 << bit);
    return copy;
  });
  return fc.oneof(fc.uint8Array({ maxLength: 64 }), valid, truncated, flipped);
}

describe('the godot3 server decoder under random and truncated frames', () => {
  it('never throws, drops only the bad packets, and keeps relaying for the others', async () => {
    const { server, clients, all, url, net } = await room('godot3', 2);
    const [victim, friend] = clients as [(typeof clients)[number], (typeof clients)[number]];
    const raw = new WebSocketClient({ connect: net.connect });
    raw.connectToUrl(url);
    const rawPeer = raw.getPeer(1);
    await settle([...all, raw], () => (rawPeer?.getAvailablePacketCount() ?? 0) >= 1, 'raw client id');
    const idMessage = rawPeer?.getPacket() as Uint8Array;
    const own = new DataView(idMessage.buffer, idMessage.byteOffset).getInt32(9, true);
    let dropped = 0;
    server.on('packet_dropped', () => dropped++);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileMessage(own, victim.getUniqueId()), { minLength: 1, maxLength: 30 }),
        async (messages) => {
          round++;
          for (const m of messages) rawPeer?.send(m);
          friend.setTargetPeer(victim.getUniqueId());
          friend.putPacket(new Uint8Array([round & 255]));
          await settle(
            [...all, raw],
            () => drain(victim).some((p) => p === `${friend.getUniqueId()}:${round & 255}`),
            'the friend packet',
          );
          for (const c of all) c.poll();
          drain(server);
          return rawPeer?.readyState === 1 && server.getConnectionStatus() === 2;
        },
      ),
      { numRuns: 60 },
    );
    expect(dropped).toBeGreaterThan(0);
    expect(server.getConnectionStatus()).toBe(2);
  });
});

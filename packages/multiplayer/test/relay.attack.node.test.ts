import { ATTACK_BOUNDS, AttackSession, type Measured } from '@wspeer/test-kit/attack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';

/** Each target's Godot 3 relay room. */
const ROOMS = {
  public: { path: '/relay', protocols: [] as string[] },
  demo: { path: '/chat/mp', protocols: ['my-protocol'] },
} as const;

/** An honest member of the room: sends a numbered packet to `to` every 10 ms, records what it gets. */
class Member {
  readonly peer = new WebSocketMultiplayerPeer({ autoPoll: true });
  readonly got = new Map<number, number[]>();
  readonly left = new Map<number, number>();
  sent = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  async join(url: string, protocols: readonly string[]): Promise<void> {
    this.peer.supportedProtocols = [...protocols];
    this.peer.on('peer_packet', () => {
      while (this.peer.getAvailablePacketCount() > 0) {
        const from = this.peer.getPacketPeer();
        const packet = this.peer.getPacket();
        let list = this.got.get(from);
        if (list === undefined) {
          list = [];
          this.got.set(from, list);
        }
        list.push(packet.byteLength >= 4 ? new DataView(packet.buffer, packet.byteOffset).getUint32(0, true) : -1);
      }
    });
    this.peer.on('peer_disconnected', (id) => this.left.set(id, performance.now()));
    this.peer.createClient(url);
    await connected(this.peer, 5000);
  }

  talkTo(to: number): void {
    this.#timer = setInterval(() => {
      const packet = new Uint8Array(4);
      new DataView(packet.buffer).setUint32(0, this.sent++, true);
      this.peer.setTargetPeer(to);
      this.peer.putPacket(packet);
    }, 10);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

function expectHonestUnharmed(m: Measured): void {
  expect(m.honest.open).toBe(true);
  expect(m.honest.lost).toBe(0);
  expect(m.honest.p99Ms).toBeLessThan(ATTACK_BOUNDS.honestRttMs);
  expect(m.honest.worstMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
}

describe.each(['public', 'demo'] as const)('relay attacks on the %s server', (target) => {
  const room = ROOMS[target];
  let session: AttackSession;
  let url: string;
  beforeAll(async () => {
    session = await AttackSession.start({ target });
    url = `ws://127.0.0.1:${session.port}${room.path}`;
  });
  afterAll(() => session?.stop());

  it('one client broadcasting 8 KB packets flat out is slowed down; the others stay and lose nothing', async () => {
    const a = new Member();
    const b = new Member();
    await a.join(url, room.protocols);
    await b.join(url, room.protocols);
    a.talkTo(b.peer.getUniqueId());
    const m = await session.measure('relay', 'one client broadcasts 8 KB packets flat out for 2 s', 'relayFlood', {
      ...room,
      size: 8192,
      durationMs: 2000,
    });
    a.stop();
    await new Promise((r) => setTimeout(r, 200));
    // Before: both honest clients were cut with 1008 within a second; the sender never slowed down.
    expect(a.peer.getConnectionStatus()).toBe(2);
    expect(b.peer.getConnectionStatus()).toBe(2);
    expect(b.got.get(a.peer.getUniqueId())).toEqual(Array.from({ length: a.sent }, (_, i) => i));
    expectHonestUnharmed(m);
    const stats = m.after.server as { endpoints: Record<string, { throttled: number; cut: object }> };
    expect(stats.endpoints[room.path]?.throttled).toBeGreaterThan(0);
    expect(stats.endpoints[room.path]?.cut).toEqual({});
    a.peer.close();
    b.peer.close();
  });

  it('a client cut for not reading is gone at once: nothing of it is relayed after its departure', async () => {
    const b = new Member();
    await b.join(url, room.protocols);
    const stalled = session.attack('stallAndSend', { ...room, durationMs: 4500, intervalMs: 5 });
    await new Promise((r) => setTimeout(r, 300));
    await session.measure('relay', 'a non-reading client keeps sending while 4 others flood', 'relayFlood', {
      ...room,
      size: 8192,
      durationMs: 2500,
      connections: 4,
    });
    const v = (await stalled) as { id: number; sent: number; cut: boolean };
    await new Promise((r) => setTimeout(r, 200));
    // Before: peer_disconnected came 30 s later, and every packet it sent meanwhile was relayed.
    expect(v.cut).toBe(true);
    expect(b.left.has(v.id)).toBe(true);
    const fromV = b.got.get(v.id) ?? [];
    expect(fromV.length).toBeLessThan(v.sent);
    expect(fromV).toEqual(Array.from({ length: fromV.length }, (_, i) => i));
    b.peer.close();
  });

  it('packets the relay must refuse are counted, not logged one by one', async () => {
    const m = await session.measure('relay', '50,000 spoofed / system / misaddressed / short packets', 'spoofFlood', {
      ...room,
      count: 50_000,
    });
    expectHonestUnharmed(m);
    expect(m.after.logChars - m.before.logChars).toBeLessThan(5_000);
    expect(m.after.heapUsedMB - m.before.heapUsedMB).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
    const refused = (m.after.server as { endpoints: Record<string, { refused: Record<string, number> }> }).endpoints[
      room.path
    ]?.refused;
    expect(refused?.['spoofed-sender']).toBeGreaterThan(0);
  });
});

import { ATTACK_BOUNDS, AttackSession, type Measured } from '@wspeer/test-kit/attack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Where each target keeps a Godot 3 room with an RPC node. */
const ROOMS = {
  public: { path: '/relay', protocols: [], node: 'Main/Game' },
  demo: { path: '/game', protocols: ['ludus'], node: 'Main/Panel/VBoxContainer/Game' },
} as const;

function expectHonestUnharmed(m: Measured): void {
  expect(m.honest.open).toBe(true);
  expect(m.honest.lost).toBe(0);
  expect(m.honest.sent).toBeGreaterThan(10);
  expect(m.honest.p99Ms).toBeLessThan(ATTACK_BOUNDS.honestRttMs);
  expect(m.honest.worstMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
}

function heapGrowth(m: Measured): number {
  return m.after.heapUsedMB - m.before.heapUsedMB;
}

describe.each(['public', 'demo'] as const)('RPC attacks on the %s server', (target) => {
  const room = ROOMS[target];
  let session: AttackSession;
  beforeAll(async () => {
    session = await AttackSession.start({ target });
  });
  afterAll(() => session?.stop());

  it('calls to a node path of 65,000 slashes do not stall it', async () => {
    const m = await session.measure('rpc', '20 calls naming a 65,000-slash path', 'rpcPathStall', {
      ...room,
      count: 20,
    });
    expect(m.attack.sent).toBe(20);
    expectHonestUnharmed(m);
    expect(m.after.worstLoopDelayMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
  });

  it('calls with made-up 60 KB method names grow neither the heap nor the log', async () => {
    const m = await session.measure('rpc', '300 calls with unique 60 KB method names from 4 clients', 'rpcNames', {
      ...room,
      count: 300,
      nameBytes: 60_000,
      connections: 4,
    });
    expectHonestUnharmed(m);
    expect(heapGrowth(m)).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
    expect(m.after.logChars - m.before.logChars).toBeLessThan(20_000);
  });

  it('SIMPLIFY_PATH with distinct ids and 60 KB paths does not grow the heap while the sender stays', async () => {
    const m = await session.measure('rpc', '300 SIMPLIFY_PATH of 60 KB from 4 clients that stay', 'rpcSimplify', {
      ...room,
      count: 300,
      pathBytes: 60_000,
      connections: 4,
    });
    expectHonestUnharmed(m);
    expect(heapGrowth(m)).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
    await session.release();
  });
});

import { ATTACK_BOUNDS, AttackSession, type Measured } from '@wspeer/test-kit/attack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

function expectHonestUnharmed(m: Measured): void {
  expect(m.honest.open).toBe(true);
  expect(m.honest.lost).toBe(0);
  expect(m.honest.p99Ms).toBeLessThan(ATTACK_BOUNDS.honestRttMs);
  expect(m.honest.worstMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
}

describe.each(['public', 'demo'] as const)('wire attacks on the %s server', (target) => {
  let session: AttackSession;
  beforeAll(async () => {
    session = await AttackSession.start({ target });
  });
  afterAll(() => session?.stop());

  it('malformed frames of every kind close their connection and nothing else', async () => {
    const m = await session.measure('wire', '500 connections, one malformed frame each (10 kinds)', 'garbage', {
      connections: 500,
    });
    expect(m.attack.closed).toBe(m.attack.open);
    expect(m.attack.open).toBe(500);
    expectHonestUnharmed(m);
    expect(m.after.openFiles).toBeLessThanOrEqual(m.before.openFiles + 2);
    expect(m.after.heapUsedMB - m.before.heapUsedMB).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
  });

  it('messages over the limit close with 1009', async () => {
    const m = await session.measure('wire', '100 messages of 70 KB (limit 64 KiB)', 'oversize', { connections: 100 });
    expect(m.attack.code1009).toBe(100);
    expectHonestUnharmed(m);
  });

  it('a ping flood is cut with 1008 "Too many pings"', async () => {
    const m = await session.measure('wire', '20 connections pinging flat out for 1.5 s', 'pingFlood', {
      connections: 20,
      durationMs: 1500,
    });
    // Before: ws terminated each with no close frame (-1, empty reason) after 60 unanswered pongs.
    expect(m.attack.closeCodes).toEqual({ 1008: 20 });
    expectHonestUnharmed(m);
    const endpoints = (m.after.server as { endpoints: Record<string, { cut: Record<string, number> }> }).endpoints;
    expect(endpoints['/echo']?.cut['too-many-pings']).toBe(20);
  });
});

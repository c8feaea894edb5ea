import { ATTACK_BOUNDS, AttackSession, type Measured, recordAttack } from '@wspeer/test-kit/attack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextMessage, opened, State, WebSocketPeer } from 'wspeer';

function expectHonestUnharmed(m: Measured): void {
  expect(m.honest.open).toBe(true);
  expect(m.honest.lost).toBe(0);
  expect(m.honest.p99Ms).toBeLessThan(ATTACK_BOUNDS.honestRttMs);
  expect(m.honest.worstMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
}

/** Tries one honest connection to `/echo` and a round trip; whether both worked within 2 s. */
async function honestConnect(port: number): Promise<boolean> {
  const peer = new WebSocketPeer({ autoPoll: true, handshakeTimeout: 2 });
  peer.connectToUrl(`ws://127.0.0.1:${port}/echo`);
  try {
    await opened(peer, 2000);
    peer.sendText('hello');
    return (await nextMessage(peer, 2000)) === 'hello';
  } catch {
    return false;
  } finally {
    if (peer.readyState !== State.CLOSED) peer.close(-1);
  }
}

describe('slowloris on the demo server (attached listeners) under a 1,024-file limit', () => {
  let session: AttackSession;
  beforeAll(async () => {
    session = await AttackSession.start({ target: 'demo', fileLimit: 1024 });
  });
  afterAll(() => session?.stop());

  it('drops 1,000 one-byte-per-second upgrade requests within the handshake timeout; honest clients get in', async () => {
    const before = await session.stats();
    const slow = session.attack('slowloris', { connections: 1000, intervalMs: 1000, durationMs: 8000, path: '/echo' });
    const attempts: boolean[] = [];
    const started = performance.now();
    while (performance.now() - started < 7000) {
      attempts.push(await honestConnect(session.port));
      await new Promise((r) => setTimeout(r, 250));
    }
    const figures = await slow;
    const after = await session.stats();
    recordAttack({
      layer: 'exhaustion',
      attack: 'slowloris: 1,000 upgrade requests at one byte per second (ulimit -n 1024)',
      target: 'demo',
      heapBeforeMB: before.heapUsedMB,
      heapAfterMB: after.heapUsedMB,
      worstLoopDelayMs: after.worstLoopDelayMs,
      notes: { ...figures, honestConnects: `${attempts.filter(Boolean).length}/${attempts.length}` },
    });
    // Before: held 60-90 s by Node's own header timeout; most honest connects failed (no files left).
    expect(figures.stillOpen).toBe(0);
    expect(figures.heldMaxMs as number).toBeLessThan(3000 + 1500);
    const late = attempts.slice(Math.ceil(((figures.heldMaxMs as number) + 500) / 400));
    expect(late.length).toBeGreaterThan(3);
    expect(late.every(Boolean)).toBe(true);
    expect(after.openFiles).toBeLessThan(before.openFiles + 10);
  });
});

describe.each(['public', 'demo'] as const)('exhaustion attacks on the %s server', (target) => {
  let session: AttackSession;
  beforeAll(async () => {
    session = await AttackSession.start({ target });
  });
  afterAll(() => session?.stop());

  it('2,000 connect/close cycles leave no connection, file or heap behind', async () => {
    const m = await session.measure('exhaustion', '2,000 connect / close cycles, 20 at a time', 'churn', {
      cycles: 2000,
      parallel: 20,
    });
    expect(m.attack.done).toBe(2000);
    expectHonestUnharmed(m);
    expect(m.after.openFiles).toBeLessThanOrEqual(m.before.openFiles + 2);
    expect(m.after.heapUsedMB - m.before.heapUsedMB).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
  });

  it('an echo client that reads nothing is cut, not served forever', async () => {
    const m = await session.measure(
      'exhaustion',
      'an echo client sends 60 KB messages and reads nothing',
      'echoNoRead',
      {
        size: 60_000,
      },
    );
    // Before (demo): it was served forever, every echo past the outbound limit dropped silently.
    expect(m.attack.closed).toBe(true);
    expectHonestUnharmed(m);
    expect(m.after.heapUsedMB - m.before.heapUsedMB).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
  });

  it('4 MB of echo traffic in 60 KB messages does not flood the log', async () => {
    const m = await session.measure('exhaustion', '4 MB of echo traffic in 60 KB messages', 'echoBig', {
      megabytes: 4,
      size: 60_000,
    });
    expect(m.attack.echoed).toBe(m.attack.sent);
    expectHonestUnharmed(m);
    // Before (demo): every line carried the whole message, 4 MB of log for 4 MB of echo.
    expect(m.after.logChars - m.before.logChars).toBeLessThan(50_000);
  });
});

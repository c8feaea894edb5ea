import { Heartbeat } from '@wspeer/core';
import { describe, expect, it } from 'vitest';

function socket() {
  return {
    pings: 0,
    ping() {
      this.pings++;
    },
  };
}

describe('Heartbeat', () => {
  it('pings every half interval, starting half an interval after the first beat', () => {
    const beat = new Heartbeat();
    const s = socket();
    expect(beat.beat(1000, 100, s)).toBe(true);
    expect(beat.beat(1049, 100, s)).toBe(true);
    expect(s.pings).toBe(0);
    expect(beat.beat(1050, 100, s)).toBe(true);
    expect(s.pings).toBe(1);
    beat.pong();
    expect(beat.beat(1075, 100, s)).toBe(true);
    expect(s.pings).toBe(1);
    expect(beat.beat(1100, 100, s)).toBe(true);
    expect(s.pings).toBe(2);
  });

  it('reports a ping left unanswered for a whole interval, seen twice a sixteenth of an interval apart', () => {
    const beat = new Heartbeat();
    const s = socket();
    beat.beat(0.5, 50, s);
    beat.beat(25.5, 50, s);
    expect(s.pings).toBe(1);
    expect(beat.beat(50.5, 50, s)).toBe(true);
    expect(s.pings).toBe(2);
    expect(beat.beat(75.4, 50, s)).toBe(true);
    expect(beat.beat(75.5, 50, s)).toBe(true);
    expect(beat.beat(78, 50, s)).toBe(true);
    expect(beat.beat(78.625, 50, s)).toBe(false);
    expect(s.pings).toBe(2);
  });

  it('forgives a ping found overdue when its pong is read before the second look', () => {
    const beat = new Heartbeat();
    const s = socket();
    beat.beat(0, 100, s);
    beat.beat(50, 100, s);
    expect(beat.beat(150, 100, s)).toBe(true);
    beat.pong();
    expect(beat.beat(160, 100, s)).toBe(true);
  });

  it('detects a peer that died right after a pong within two intervals, polled every eighth of one', () => {
    const interval = 80;
    const beat = new Heartbeat();
    const s = socket();
    let now = 0;
    beat.beat(now, interval, s);
    // Alive: answer every ping until t = 400, then die.
    for (; now <= 400; now += interval / 8) {
      const before = s.pings;
      expect(beat.beat(now, interval, s)).toBe(true);
      if (s.pings > before) beat.pong();
    }
    const died = now - interval / 8;
    while (beat.beat(now, interval, s)) now += interval / 8;
    expect(now - died).toBeLessThanOrEqual(2 * interval);
    expect(now - died).toBeGreaterThan(interval);
  });

  it('judges no ping while we do not read (a pong may wait unread), and gives it a whole interval after', () => {
    const beat = new Heartbeat();
    const s = socket();
    beat.beat(0, 100, s);
    beat.beat(50, 100, s);
    expect(s.pings).toBe(1);
    expect(beat.beat(140, 100, s, false)).toBe(true);
    expect(beat.beat(400, 100, s, false)).toBe(true);
    expect(beat.beat(450, 100, s)).toBe(true);
    expect(beat.beat(499, 100, s)).toBe(true);
    expect(beat.beat(500, 100, s)).toBe(true);
    expect(beat.beat(506.25, 100, s)).toBe(false);
  });
});

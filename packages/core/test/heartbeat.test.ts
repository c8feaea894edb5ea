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
  it('pings once per interval, starting one interval after the first beat', () => {
    const beat = new Heartbeat();
    const s = socket();
    expect(beat.beat(1000, 100, s)).toBe(true);
    expect(beat.beat(1099, 100, s)).toBe(true);
    expect(s.pings).toBe(0);
    expect(beat.beat(1100, 100, s)).toBe(true);
    expect(s.pings).toBe(1);
    beat.pong();
    expect(beat.beat(1150, 100, s)).toBe(true);
    expect(s.pings).toBe(1);
    expect(beat.beat(1200, 100, s)).toBe(true);
    expect(s.pings).toBe(2);
  });

  it('reports a ping left unanswered for a whole interval, and only then', () => {
    const beat = new Heartbeat();
    const s = socket();
    beat.beat(0.5, 50, s);
    beat.beat(50.5, 50, s);
    expect(s.pings).toBe(1);
    expect(beat.beat(100, 50, s)).toBe(true);
    expect(beat.beat(100.5, 50, s)).toBe(false);
    expect(s.pings).toBe(1);
  });
});

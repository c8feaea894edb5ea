/**
 * `RefusalLog`, the one counter and rate-limited log of refused packets behind `MultiplayerAPI`,
 * `SceneMultiplayer` and a server room: counts by kind in the order first refused, a bounded kind
 * table (further kinds under "other"), at most one line per kind and second with the suppressed
 * count, `null` silencing the log but not the counts. The clock is `performance.now`, stubbed.
 */
import { MAX_TALLY_KINDS } from '@wspeer/core';
import { RefusalLog } from '@wspeer/multiplayer';
import { afterEach, describe, expect, it, vi } from 'vitest';

let now = 10_000;
afterEach(() => vi.restoreAllMocks());

function logged(): { log: RefusalLog; lines: string[] } {
  now = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const lines: string[] = [];
  return { log: new RefusalLog((line) => lines.push(line)), lines };
}

describe('RefusalLog', () => {
  it('counts every refusal by kind, listened or not, in the order first refused', () => {
    const { log, lines } = logged();
    expect(log.counts()).toEqual({});
    log.note(2, 'too-small', 'a', true);
    log.note(2, 'unknown-node', 'b', false);
    log.note(3, 'too-small', 'c', false);
    log.note(3, 'too-small', 'd', true);
    expect(log.counts()).toEqual({ 'too-small': 3, 'unknown-node': 1 });
    expect(Object.keys(log.counts())).toEqual(['too-small', 'unknown-node']);
    expect(lines).toEqual(['[wspeer] dropped packet from peer 2: b', '[wspeer] dropped packet from peer 3: c']);
  });

  it('logs at most one line per kind and second, then says how many it suppressed', () => {
    const { log, lines } = logged();
    log.note(5, 'spoofed-sender', 'first', false);
    log.note(5, 'spoofed-sender', 'second', false);
    log.note(6, 'relay-to-self', 'other kind', false);
    now += 999;
    log.note(5, 'spoofed-sender', 'third', false);
    // Listened refusals are counted, neither logged nor counted as suppressed.
    log.note(5, 'spoofed-sender', 'told', true);
    now += 1;
    log.note(7, 'spoofed-sender', 'fourth', false);
    now += 1000;
    log.note(7, 'spoofed-sender', 'fifth', false);
    expect(lines).toEqual([
      '[wspeer] dropped packet from peer 5: first',
      '[wspeer] dropped packet from peer 6: other kind',
      '[wspeer] dropped packet from peer 7: fourth (2 more suppressed)',
      '[wspeer] dropped packet from peer 7: fifth',
    ]);
    expect(log.counts()).toEqual({ 'spoofed-sender': 6, 'relay-to-self': 1 });
  });

  it('bounds a long reason in its line', () => {
    const { log, lines } = logged();
    log.note(1, 'bad', 'x'.repeat(10_000), false);
    expect(lines).toHaveLength(1);
    expect((lines[0] as string).length).toBeLessThan(300);
  });

  it(`keeps at most ${MAX_TALLY_KINDS} kinds; further kinds count and log under "other"`, () => {
    const { log, lines } = logged();
    for (let i = 0; i < MAX_TALLY_KINDS + 10; i++) log.note(1, `kind-${i}`, `reason ${i}`, false);
    log.note(1, 'kind-0', 'again', false);
    const counts = log.counts();
    expect(Object.keys(counts)).toHaveLength(MAX_TALLY_KINDS + 1);
    expect(counts.other).toBe(10);
    expect(counts['kind-0']).toBe(2);
    expect(counts[`kind-${MAX_TALLY_KINDS - 1}`]).toBe(1);
    expect(counts[`kind-${MAX_TALLY_KINDS}`]).toBeUndefined();
    // One line per kept kind and the first under "other"; the rest are rate-limited.
    expect(lines).toHaveLength(MAX_TALLY_KINDS + 1);
    expect(lines.at(-1)).toBe(`[wspeer] dropped packet from peer 1: reason ${MAX_TALLY_KINDS}`);
    now += 1000;
    log.note(1, 'kind-999', 'late', false);
    expect(lines.at(-1)).toBe('[wspeer] dropped packet from peer 1: late (9 more suppressed)');
    expect(log.counts().other).toBe(11);
  });

  it('null silences the log but not the counts; the default logs with console.warn', () => {
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const silent = new RefusalLog(null);
    silent.note(4, 'path', 'quiet', false);
    expect(silent.counts()).toEqual({ path: 1 });
    expect(warn).not.toHaveBeenCalled();
    new RefusalLog().note(4, 'path', 'loud', false);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith('[wspeer] dropped packet from peer 4: loud');
  });
});

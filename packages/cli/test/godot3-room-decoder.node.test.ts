/** The Godot 3 room decoder on hostile and edge-case packets: it describes them, never throws, and its path cache is bounded. */
import { formatVariant, godot3RoomDecoder } from '@wspeer/cli';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeVariant, Vector2 } from 'wspeer/rpc';

const cstring = (text: string): number[] => [...new TextEncoder().encode(text), 0];
const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

describe('godot3RoomDecoder', () => {
  it('decodes a call by cache id, by full path, a set, a confirmation and raw bytes', () => {
    const d = godot3RoomDecoder();
    expect(d.decode(5, new Uint8Array([2, ...u32(7), ...cstring('Main/Game')]))).toEqual(['path #7 = Main/Game']);
    const args = [...encodeVariant(new Vector2(0.1, 2)), ...encodeVariant('hi')];
    expect(d.decode(5, new Uint8Array([0, ...u32(7), ...cstring('move'), 2, ...args]))).toEqual([
      'rpc Main/Game.move(Vector2(0.1, 2), "hi")',
    ]);
    const name = cstring('hit');
    const full = [0, ...u32(0x80000000 + 5 + name.length + 1), ...name, 0, ...cstring('Other')];
    expect(d.decode(9, new Uint8Array(full))).toEqual(['rpc Other.hit()']);
    expect(d.decode(5, new Uint8Array([1, ...u32(7), ...cstring('score'), ...encodeVariant(3)]))).toEqual([
      'rset Main/Game.score = 3',
    ]);
    expect(d.decode(5, new Uint8Array([3, ...cstring('Main/Game')]))).toEqual(['confirms path Main/Game']);
    expect(d.decode(5, new Uint8Array([4, 1, 2, 255]))).toEqual(['raw 3 B: 01 02 ff']);
    expect(d.decode(6, new Uint8Array([0, ...u32(7), ...cstring('move'), 0]))).toEqual([
      'rpc <path #7 not announced>.move()',
    ]);
    d.forget(5);
    expect(d.decode(5, new Uint8Array([0, ...u32(7), ...cstring('move'), 0]))).toEqual([
      'rpc <path #7 not announced>.move()',
    ]);
  });

  it('describes malformed packets instead of throwing', () => {
    const d = godot3RoomDecoder();
    expect(d.decode(2, new Uint8Array([]))[0]).toMatch(/^malformed packet \(empty/);
    expect(d.decode(2, new Uint8Array([9, 1]))[0]).toMatch(/^malformed packet \(unknown command 9/);
    expect(d.decode(2, new Uint8Array([0, 1, 2]))[0]).toMatch(/^malformed packet \(too short/);
    expect(d.decode(2, new Uint8Array([2, 1, 0, 0, 0, 0xff]))[0]).toMatch(/^malformed packet \(SIMPLIFY_PATH/);
    expect(d.decode(2, new Uint8Array([0, ...u32(1), ...cstring('m'), 1, 99, 0, 0, 0]))[0]).toMatch(
      /undecodable argument 1/,
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const lines = d.decode(3, bytes);
        return lines.length === 1 && lines[0].length < 400;
      }),
      { numRuns: 2000 },
    );
  });

  it('remembers at most 4096 paths per sender', () => {
    const d = godot3RoomDecoder();
    for (let id = 0; id < 5000; id++) d.decode(4, new Uint8Array([2, ...u32(id), ...cstring(`N${id}`)]));
    expect(d.decode(4, new Uint8Array([0, ...u32(4095), ...cstring('f'), 0]))).toEqual(['rpc N4095.f()']);
    expect(d.decode(4, new Uint8Array([0, ...u32(4096), ...cstring('f'), 0]))).toEqual([
      'rpc <path #4096 not announced>.f()',
    ]);
  });

  it('formats values the way Godot prints them, bounded', () => {
    expect(formatVariant(new Map([['a', [1, 2.5, null]]]))).toBe('{"a": [1, 2.5, null]}');
    expect(formatVariant(Math.fround(0.3))).toBe('0.3');
    expect(formatVariant(0.30000000000000004)).toBe('0.30000000000000004');
    expect(formatVariant(Array.from({ length: 100 }, (_, i) => i))).toMatch(/, 15, \.\.\. \(100\)\]$/);
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(formatVariant(deep).length).toBeLessThan(40);
  });
});

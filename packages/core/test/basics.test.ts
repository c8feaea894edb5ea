import {
  CloseCode,
  CloseReason,
  ErrorCode,
  errorName,
  isSendableCloseCode,
  PacketQueue,
  State,
  selectProtocol,
  utf8Length,
  WriteMode,
} from '@wspeer/core';
import { describe, expect, it } from 'vitest';

describe('constants', () => {
  it("use Godot's numbers", () => {
    expect(ErrorCode).toMatchObject({
      OK: 0,
      FAILED: 1,
      ERR_UNAVAILABLE: 2,
      ERR_UNCONFIGURED: 3,
      ERR_OUT_OF_MEMORY: 6,
    });
    expect(ErrorCode).toMatchObject({ ERR_ALREADY_IN_USE: 22, ERR_TIMEOUT: 24, ERR_CANT_CONNECT: 25 });
    expect(ErrorCode).toMatchObject({ ERR_CONNECTION_ERROR: 27, ERR_INVALID_DATA: 30, ERR_INVALID_PARAMETER: 31 });
    expect({ ...State }).toEqual({ CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
    expect({ ...WriteMode }).toEqual({ TEXT: 0, BINARY: 1 });
    expect(CloseCode.MESSAGE_TOO_BIG).toBe(1009);
  });

  it('are frozen namespaces: a typo cannot overwrite a code', () => {
    expect(Reflect.set(ErrorCode, 'OK', 5)).toBe(false);
    expect(ErrorCode.OK).toBe(0);
    expect(Object.keys(CloseReason)).toContain('HEARTBEAT_TIMEOUT');
  });

  it('name error codes', () => {
    expect(errorName(ErrorCode.ERR_OUT_OF_MEMORY)).toBe('ERR_OUT_OF_MEMORY');
    expect(errorName(0)).toBe('OK');
    expect(errorName(999)).toBe('ERR_999');
  });

  it.each([
    [1000, true],
    [1001, true],
    [1003, true],
    [1004, false],
    [1005, false],
    [1006, false],
    [1007, true],
    [1014, true],
    [1015, false],
    [999, false],
    [2999, false],
    [3000, true],
    [4999, true],
    [5000, false],
    [4001.5, false],
    [-1, false],
  ])('know which close codes may be sent: %d -> %s', (code, ok) => {
    expect(isSendableCloseCode(code)).toBe(ok);
  });
});

describe('selectProtocol (Godot 3.2.3 observed matrix)', () => {
  it.each([
    [[], ['chat'], null],
    [['chat'], [], null],
    [['a', 'b'], ['c', 'b', 'a'], 'b'],
    [['x'], ['y'], null],
    [[], [], ''],
    [[' a ', 'b'], ['a'], 'a'],
  ])('server %j, client %j -> %j', (server, client, expected) => {
    expect(selectProtocol(client, server)).toBe(expected);
  });
});

describe('utf8Length', () => {
  it('matches TextEncoder for ASCII, 2/3/4-byte characters and lone surrogates', () => {
    const samples = [
      '',
      'abc',
      'é',
      'héllo',
      '✓',
      '日本語',
      '🎮',
      'a🎮b',
      '\ud800',
      '\udc00x',
      '\ud800\ud800',
      'x'.repeat(1000),
    ];
    for (const s of samples) expect(utf8Length(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).byteLength);
  });
});

describe('PacketQueue', () => {
  it('hides pushed packets until published, keeps order across growth and wrap-around', () => {
    const q = new PacketQueue(2);
    let next = 0;
    let expected = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < (round % 7) + 1; i++) {
        q.push(new Uint8Array([next & 255]), next % 2 === 0, 1);
        next++;
      }
      expect(q.length).toBe(next - expected - q.unpublished);
      q.publish(q.unpublished);
      while (q.length > round % 3) {
        const item = q.shift() as Uint8Array;
        expect(item[0]).toBe(expected & 255);
        expect(q.lastWasText).toBe(expected % 2 === 0);
        expected++;
      }
    }
    expect(q.bytes).toBe(next - expected);
    q.clear();
    expect(q.length).toBe(0);
    expect(q.bytes).toBe(0);
    expect(q.shift()).toBeUndefined();
  });

  it('publishes at most what was pushed', () => {
    const q = new PacketQueue();
    q.push('a', true, 1);
    expect(q.publish(5)).toBe(1);
    expect(q.shift()).toBe('a');
    expect(q.shift()).toBeUndefined();
  });

  it('publishes by sequence number: messages that arrived before an event, one by one or all', () => {
    const q = new PacketQueue();
    for (let i = 0; i < 5; i++) q.push(new Uint8Array([i]), false, 1);
    expect(q.publishOneBefore(2)).toBe(true);
    expect(q.publishOneBefore(2)).toBe(true);
    expect(q.publishOneBefore(2)).toBe(false);
    expect(q.length).toBe(2);
    expect(q.publishBefore(4)).toBe(2);
    expect(q.publishBefore(4)).toBe(0);
    expect((q.shift() as Uint8Array)[0]).toBe(0);
    expect(q.publishBefore(q.pushed)).toBe(1);
    expect(q.publishOneBefore(q.pushed)).toBe(false);
    expect(q.length).toBe(4);
  });

  it('accounts sizes past 2^30 and 2^31 bytes exactly, text flag kept (no packed overflow)', () => {
    const q = new PacketQueue();
    const big = 2 ** 31 + 7;
    const bigger = 2 ** 32 + 3;
    q.push('t', true, big);
    q.push(new Uint8Array(1), false, bigger);
    expect(q.bytes).toBe(big + bigger);
    q.publish(2);
    expect(q.shift()).toBe('t');
    expect(q.lastWasText).toBe(true);
    expect(q.bytes).toBe(bigger);
    q.shift();
    expect(q.lastWasText).toBe(false);
    expect(q.bytes).toBe(0);
  });
});

import { SignalEmitter, setHandlerErrorReporter } from '@wspeer/core';
import { afterEach, describe, expect, it } from 'vitest';

interface Events {
  ping: (id: number) => void;
  pair: (a: string, b: number) => void;
  many: (a: number, b: number, c: number, d: number, e: number) => void;
  none: () => void;
}

afterEach(() => setHandlerErrorReporter(null));

describe('SignalEmitter', () => {
  it('calls handlers in order with exactly the emitted arguments; once runs once; off removes', () => {
    const s = new SignalEmitter<Events>();
    const calls: unknown[][] = [];
    const a = (...args: unknown[]) => calls.push(['a', ...args]);
    s.on('ping', a);
    s.once('ping', (...args: unknown[]) => calls.push(['once', ...args]));
    s.on('pair', (...args: unknown[]) => calls.push(['pair', args.length, ...args]));
    s.on('many', (...args: unknown[]) => calls.push(['many', ...args]));
    s.on('none', (...args: unknown[]) => calls.push(['none', args.length]));
    expect(s.emit('ping', 1)).toBe(true);
    expect(s.emit('ping', 2)).toBe(true);
    s.emit('pair', 'x', 3);
    s.emit('many', 1, 2, 3, 4, 5);
    s.emit('none');
    expect(calls).toEqual([
      ['a', 1],
      ['once', 1],
      ['a', 2],
      ['pair', 2, 'x', 3],
      ['many', 1, 2, 3, 4, 5],
      ['none', 0],
    ]);
    expect(s.listenerCount('ping')).toBe(1);
    s.off('ping', a);
    expect(s.emit('ping', 3)).toBe(false);
    expect(s.listenerCount('ping')).toBe(0);
    expect(s.eventNames().sort()).toEqual(['many', 'none', 'pair']);
    s.removeAllListeners('pair');
    expect(s.listenerCount('pair')).toBe(0);
    s.removeAllListeners();
    expect(s.eventNames()).toEqual([]);
  });

  it('binds context (the emitter by default) and removes by context', () => {
    const s = new SignalEmitter<Events>();
    const seen: unknown[] = [];
    function record(this: unknown) {
      seen.push(this);
    }
    const ctx = { name: 'ctx' };
    s.on('none', record);
    s.on('none', record, ctx);
    s.emit('none');
    expect(seen).toEqual([s, ctx]);
    s.off('none', record, ctx);
    expect(s.listeners('none')).toEqual([record]);
  });

  it('a throwing handler is reported and the next handler still runs', () => {
    const reported: string[] = [];
    setHandlerErrorReporter((error, where) => reported.push(`${(error as Error).message} @ ${where}`));
    const s = new SignalEmitter<Events>();
    const after: number[] = [];
    s.on('ping', () => {
      throw new Error('boom');
    });
    s.on('ping', (id) => after.push(id));
    expect(s.emit('ping', 7)).toBe(true);
    expect(after).toEqual([7]);
    expect(reported).toEqual(['boom @ a ping handler']);
  });

  it('handlers added or removed during an emission take effect from the next one', () => {
    const s = new SignalEmitter<Events>();
    const calls: string[] = [];
    const late = () => calls.push('late');
    const second = () => calls.push('second');
    s.on('none', () => {
      calls.push('first');
      s.on('none', late);
      s.off('none', second);
    });
    s.on('none', second);
    s.emit('none');
    s.emit('none');
    expect(calls).toEqual(['first', 'second', 'first', 'late']);
  });

  it('does not compile with an unknown signal or wrong arguments', () => {
    const s = new SignalEmitter<Events>();
    // @ts-expect-error unknown signal
    s.on('nope', () => {});
    // @ts-expect-error missing argument
    s.emit('ping');
    // @ts-expect-error wrong argument type
    s.emit('ping', 'x');
    expect(true).toBe(true);
  });
});

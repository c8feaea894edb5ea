import { describe, expect, it } from 'vitest';
import {
  BATCH_HEADER_SIZE,
  type BatchVisitor,
  BatchWriter,
  Entry,
  nodeKey,
  readBatch,
  readBatchHeader,
} from '../src/cluster-batch.js';

const NODE = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 250]);

/** A visitor that records every entry as text. */
function recorder(): { seen: string[]; visitor: BatchVisitor } {
  const seen: string[] = [];
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  return {
    seen,
    visitor: {
      peer: (kind, id) => seen.push(`${kind === Entry.JOIN ? 'join' : 'leave'} ${id}`),
      mark: (kind) => seen.push(kind === Entry.HELLO ? 'hello' : 'bye'),
      send: (id, message) => seen.push(`send ${id} ${hex(message)}`),
      broadcast: (message, a, b) => seen.push(`broadcast -${a} -${b} ${hex(message)}`),
      kick: (id, code, reason) => seen.push(`kick ${id} ${code} ${new TextDecoder().decode(reason)}`),
      snapshot: (ids) => seen.push(`snapshot ${ids.join(',')}`),
    },
  };
}

describe('BatchWriter / readBatch', () => {
  it('round-trips every entry kind in order, with the node id and a sequence number per batch', () => {
    const writer = new BatchWriter(NODE);
    expect(writer.empty).toBe(true);
    writer.mark(Entry.HELLO);
    writer.peer(Entry.JOIN, 123456);
    writer.send(77, Uint8Array.from([0, 1, 2]));
    writer.broadcast(Uint8Array.from([9]), 5, 0);
    writer.kick(88, 4000, new TextEncoder().encode('bye now'));
    writer.snapshot(new Set([3, 4, 5]), 3);
    writer.peer(Entry.LEAVE, 2147483647);
    writer.mark(Entry.BYE);
    const frame = writer.take();
    expect(writer.empty).toBe(true);
    expect(readBatchHeader(frame)).toEqual({ node: nodeKey(NODE), sequence: 1 });
    const { seen, visitor } = recorder();
    expect(readBatch(frame, visitor)).toBe(true);
    expect(seen).toEqual([
      'hello',
      'join 123456',
      'send 77 000102',
      'broadcast -5 -0 09',
      'kick 88 4000 bye now',
      'snapshot 3,4,5',
      'leave 2147483647',
      'bye',
    ]);
    writer.peer(Entry.JOIN, 2);
    expect(readBatchHeader(writer.take())?.sequence).toBe(2);
  });

  it('grows past its first buffer without losing bytes', () => {
    const writer = new BatchWriter(NODE);
    const big = new Uint8Array(100_000).map((_, i) => i & 0xff);
    writer.send(3, big);
    writer.send(4, big.subarray(0, 10));
    const frame = writer.take();
    const got: Uint8Array[] = [];
    readBatch(frame, { ...recorder().visitor, send: (_id, message) => got.push(message.slice()) });
    expect(got[0]).toEqual(big);
    expect(got[1]).toEqual(big.subarray(0, 10));
  });

  it('refuses malformed frames: a wrong version, truncated entries, unknown kinds', () => {
    const writer = new BatchWriter(NODE);
    writer.send(3, new Uint8Array(50));
    const frame = writer.take();
    expect(readBatchHeader(frame.subarray(0, BATCH_HEADER_SIZE - 1))).toBeNull();
    const wrong = frame.slice();
    wrong[0] = 9;
    expect(readBatchHeader(wrong)).toBeNull();
    const { visitor, seen } = recorder();
    expect(readBatch(frame.subarray(0, frame.byteLength - 1), visitor)).toBe(false);
    const unknown = Uint8Array.from([...frame.subarray(0, BATCH_HEADER_SIZE), 200]);
    expect(readBatch(unknown, visitor)).toBe(false);
    const lying = new BatchWriter(NODE);
    lying.snapshot([1], 1000); // claims 1000 ids, carries 1
    expect(readBatch(lying.take().subarray(0, BATCH_HEADER_SIZE + 9), visitor)).toBe(false);
    expect(seen).toEqual([]);
  });
});

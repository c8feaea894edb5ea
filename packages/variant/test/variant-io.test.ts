import { ErrorCode, WebSocketPeer } from '@wspeer/core';
import {
  ByteWriter,
  decodeVariant,
  ENCODE_BUFFER_MAX_SIZE,
  encodeVariant,
  getVar,
  type PacketSink,
  type PacketSource,
  putVar,
  type Variant,
  Vector2,
  writeVariant,
} from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A PacketPeer stand-in: a queue of packets with Godot's get_packet error reporting. */
class FakePeer implements PacketSink, PacketSource {
  readonly packets: Uint8Array[] = [];
  putResult: ErrorCode = ErrorCode.OK;
  private lastError: ErrorCode = ErrorCode.OK;

  putPacket(buffer: Uint8Array): ErrorCode {
    if (this.putResult === ErrorCode.OK) this.packets.push(buffer.slice());
    return this.putResult;
  }

  getPacket(): Uint8Array {
    const packet = this.packets.shift();
    this.lastError = packet === undefined ? ErrorCode.ERR_UNAVAILABLE : ErrorCode.OK;
    return packet ?? new Uint8Array(0);
  }

  getPacketError(): ErrorCode {
    return this.lastError;
  }
}

describe('ByteWriter', () => {
  it('grows past its initial capacity and keeps every byte', () => {
    const writer = new ByteWriter(2);
    for (let i = 0; i < 1000; i++) writer.u32(i);
    const bytes = writer.finish();
    expect(bytes.length).toBe(4000);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < 1000; i++) expect(view.getUint32(i * 4, true)).toBe(i);
  });

  it('writes every primitive little-endian', () => {
    const writer = new ByteWriter();
    writer.u8(0xab);
    writer.u32(0x80000001);
    writer.i32(-2);
    writer.i64(-(2 ** 40));
    writer.i64(-1n);
    writer.f32(1.5);
    writer.f64(0.1);
    writer.bytes(Uint8Array.of(1, 2));
    writer.zeros(2);
    expect(hex(writer.finish())).toBe(
      'ab01000080feffffff0000000000ffffffffffffffffffffff0000c03f9a9999999999b93f01020000',
    );
  });

  it('patches a uint32 written earlier and truncates', () => {
    const writer = new ByteWriter();
    writer.u32(0);
    writer.u32(7);
    writer.setU32(0, 0xdeadbeef);
    writer.u32(9);
    writer.truncate(8);
    expect(writer.length).toBe(8);
    writer.zeros(1);
    expect(hex(writer.finish())).toBe('efbeadde0700000000');
  });

  it('finish() hands out its bytes and starts over, so later writes cannot touch them', () => {
    const writer = new ByteWriter(8);
    writer.u32(1);
    const first = writer.finish();
    writer.u32(2);
    const second = writer.finish();
    expect(hex(first)).toBe('01000000');
    expect(hex(second)).toBe('02000000');
    expect(writer.length).toBe(0);
  });

  it('utf8() writes what TextEncoder writes and returns the byte count', () => {
    const samples = ['', 'abc', 'héllo', '€', '😀x', '\ud800', 'a\udc00', '\udbff\udfff', 'x'.repeat(100)];
    for (const text of samples) {
      const writer = new ByteWriter(1);
      const count = writer.utf8(text);
      const expected = new TextEncoder().encode(text);
      expect(count).toBe(expected.length);
      expect(hex(writer.finish())).toBe(hex(expected));
    }
  });
});

describe('writeVariant', () => {
  it('appends several Variants to one packet buffer', () => {
    const writer = new ByteWriter();
    writer.u8(0x00);
    writeVariant(writer, 42);
    writeVariant(writer, 'hi');
    expect(hex(writer.finish())).toBe('00020000002a000000040000000200000068690000');
  });

  it('leaves the writer as it was when a value cannot be encoded', () => {
    const writer = new ByteWriter();
    writeVariant(writer, 1);
    expect(() => writeVariant(writer, [1, 2, 'x', () => 0] as unknown as Variant)).toThrow(/function/);
    expect(writer.length).toBe(8);
    writeVariant(writer, true);
    expect(hex(writer.finish())).toBe('02000000010000000100000001000000');
  });

  it('keeps working after a cyclic value was refused', () => {
    const cyclic: Variant[] = [];
    cyclic.push(cyclic);
    expect(() => encodeVariant(cyclic)).toThrow(/cyclic/);
    const fine = [1];
    expect(hex(encodeVariant([fine, fine]))).toBe(
      '13000000020000001300000001000000020000000100000013000000010000000200000001000000',
    );
  });
});

describe('putVar / getVar (PacketPeer.put_var / get_var)', () => {
  it('sends one encoded Variant per packet and reads it back', () => {
    const peer = new FakePeer();
    expect(putVar(peer, { pos: new Vector2(1, 2), hp: 3 })).toBe(ErrorCode.OK);
    expect(hex(peer.packets[0])).toBe(hex(encodeVariant({ pos: new Vector2(1, 2), hp: 3 })));
    expect(getVar(peer)).toStrictEqual({
      error: ErrorCode.OK,
      value: new Map<Variant, Variant>([
        ['pos', new Vector2(1, 2)],
        ['hp', 3],
      ]),
    });
  });

  it('put_var: ERR_INVALID_PARAMETER for values without a Variant form, nothing sent', () => {
    const peer = new FakePeer();
    expect(putVar(peer, Symbol('x') as unknown as Variant)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(peer.packets).toHaveLength(0);
  });

  it('put_var: ERR_OUT_OF_MEMORY above encode_buffer_max_size (8 MiB by default)', () => {
    const peer = new FakePeer();
    expect(ENCODE_BUFFER_MAX_SIZE).toBe(8388608);
    expect(putVar(peer, new Uint8Array(100), 64)).toBe(ErrorCode.ERR_OUT_OF_MEMORY);
    expect(putVar(peer, new Uint8Array(ENCODE_BUFFER_MAX_SIZE))).toBe(ErrorCode.ERR_OUT_OF_MEMORY);
    expect(putVar(peer, new Uint8Array(56), 64)).toBe(ErrorCode.OK);
    expect(peer.packets).toHaveLength(1);
  });

  it('put_var: passes the putPacket error through', () => {
    const peer = new FakePeer();
    peer.putResult = ErrorCode.ERR_OUT_OF_MEMORY;
    expect(putVar(peer, 1)).toBe(ErrorCode.ERR_OUT_OF_MEMORY);
  });

  it('get_var: ignores trailing bytes after the value, as Godot 3.2 does', () => {
    const peer = new FakePeer();
    peer.packets.push(Uint8Array.of(2, 0, 0, 0, 5, 0, 0, 0, 0xff, 0xff));
    expect(getVar(peer)).toStrictEqual({ error: ErrorCode.OK, value: 5 });
  });

  it('get_var: ERR_INVALID_DATA for an undecodable packet', () => {
    const peer = new FakePeer();
    peer.packets.push(Uint8Array.of(0x11, 0, 0, 0, 0, 0, 0, 0));
    expect(getVar(peer)).toStrictEqual({ error: ErrorCode.ERR_INVALID_DATA, value: null });
  });

  it('get_var: passes the get_packet error through when there is no packet', () => {
    expect(getVar(new FakePeer())).toStrictEqual({ error: ErrorCode.ERR_UNAVAILABLE, value: null });
    const bare: PacketSource = { getPacket: () => new Uint8Array(0) };
    expect(getVar(bare)).toStrictEqual({ error: ErrorCode.ERR_INVALID_DATA, value: null });
  });

  it('works with the core WebSocketPeer as the packet peer', () => {
    const peer = new WebSocketPeer();
    expect(getVar(peer).error).toBe(ErrorCode.ERR_UNAVAILABLE);
    expect(putVar(peer, 'x')).not.toBe(ErrorCode.OK); // not connected
    expect(decodeVariant(encodeVariant('x')).value).toBe('x');
  });
});

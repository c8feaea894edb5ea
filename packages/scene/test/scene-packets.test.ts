import {
  confirmPathPacket,
  encodeRpc,
  RpcConfig,
  readCompressed,
  readRpcHeader,
  relayPacket,
  scenePathKey,
  simplifyPathPacket,
  sysPacket,
  withInlinePath,
  writeCompressed,
} from '@wspeer/scene';
import { ByteReader, ByteWriter, godot4CoreCodec, Real } from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text: string) =>
  new Uint8Array((text.replace(/\s+/g, '').match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16)));

function compressed(value: unknown): string {
  const w = new ByteWriter();
  writeCompressed(w, value, godot4CoreCodec);
  return hex(w.finish());
}

describe('compressed arguments (scene/main/multiplayer_api.cpp encode_and_compress_variant)', () => {
  it('bools in one byte, ints in the smallest width, everything else as a full Variant', () => {
    expect(compressed(true)).toBe('81');
    expect(compressed(false)).toBe('01');
    expect(compressed(42)).toBe('022a'); // observed live: `022a` = 42
    expect(compressed(-1)).toBe('02ff');
    expect(compressed(-129)).toBe('427fff');
    expect(compressed(70000)).toBe('8270110100');
    expect(compressed(2 ** 40)).toBe('c20000000000010000');
    expect(compressed(-(2n ** 63n))).toBe('c20000000000000080');
    expect(compressed(new Real(1.5))).toBe('030000000000c03f'); // observed live
    expect(compressed('Main')).toBe('04000000040000004d61696e');
  });

  it('decode what they encode, including int64 beyond 2^53 and the boundaries of each width', () => {
    const values = [
      0,
      127,
      -128,
      128,
      -32768,
      32767,
      32768,
      2 ** 31 - 1,
      -(2 ** 31),
      2 ** 31,
      2 ** 53 - 1,
      2n ** 62n,
      true,
      false,
    ];
    for (const value of values) {
      const w = new ByteWriter();
      writeCompressed(w, value, godot4CoreCodec);
      const r = new ByteReader(w.finish());
      expect(readCompressed(r, 8, godot4CoreCodec)).toEqual(value);
      expect(r.remaining).toBe(0);
    }
  });
});

describe('REMOTE_CALL packets (scene_rpc_interface.cpp _send_rpc / process_rpc)', () => {
  it('match the bytes a live Godot 4.6 sent: unconfirmed path inline, u8 method id, argc, compressed args', () => {
    // `20 7d000080 02 07 022a 030000000000c03f ... "Main"00` (godot4-scene-multiplayer.md), here with two args.
    const packet = withInlinePath(
      encodeRpc(1, false, 2, [42, new Real(1.5)], godot4CoreCodec),
      new TextEncoder().encode('Main'),
    );
    expect(hex(packet)).toBe('20110000800202022a030000000000c03f4d61696e00');
    const header = readRpcHeader(packet);
    expect(header).toEqual({ nodeTarget: 0x80000011, methodId: 2, argsAt: 6, argsEnd: 0x11, byteOnly: false });
  });

  it('use the smallest node field once confirmed, u16 method ids past 255, and the raw forms', () => {
    expect(hex(encodeRpc(1, true, 5, [new Uint8Array([9, 8, 7])], godot4CoreCodec))).toBe('800105090807'); // observed: `80 01 05 090807`
    expect(hex(encodeRpc(1, true, 4, [], godot4CoreCodec))).toBe('800104'); // observed: `80 01 04` (no arguments)
    expect(hex(encodeRpc(300, true, 1, [], godot4CoreCodec))).toBe('902c0101');
    expect(hex(encodeRpc(70000, true, 1, [], godot4CoreCodec))).toBe('a07011010001');
    expect(hex(encodeRpc(1, true, 256, [true], godot4CoreCodec))).toBe('40010001' + '0181');
  });

  it('refuse malformed headers with a reason', () => {
    expect(readRpcHeader(unhex('30'))).toMatch(/compression mode/);
    expect(readRpcHeader(unhex('00'))).toMatch(/too small/);
    expect(readRpcHeader(unhex('20ff000080 00'))).toMatch(/smaller than declared/);
  });
});

describe('path cache and system packets (scene_cache_interface.cpp, scene_multiplayer.cpp)', () => {
  it('SIMPLIFY_PATH: md5 of the method names in id order, NUL, cache id, path, NUL', () => {
    const config = new RpcConfig({ ping: { handler: () => {} }, echo_back: { handler: () => {} } });
    expect(config.names).toEqual(['echo_back', 'ping']);
    const packet = simplifyPathPacket(config.md5, 7, 'Main');
    expect(packet[0]).toBe(1);
    expect(new TextDecoder().decode(packet.subarray(1, 33))).toBe(config.md5);
    expect(hex(packet.subarray(33))).toBe('00070000004d61696e00');
    expect(hex(confirmPathPacket(true, 7))).toBe('020107000000');
  });

  it('ADD_PEER / DEL_PEER are [7][1|2][int32]; RELAY is [7][3][int32 peer][inner]', () => {
    expect(hex(sysPacket(1, 1234567))).toBe('070187d61200');
    expect(hex(sysPacket(2, 2))).toBe('070202000000');
    expect(hex(relayPacket(-5, unhex('0301')))).toBe('0703fbffffff0301');
  });

  it('path keys are relative to the root and cost linear time even for hostile slashes', () => {
    expect(scenePathKey('/root/Main/Game')).toBe('Main/Game');
    expect(scenePathKey('Main/')).toBe('Main');
    expect(scenePathKey('/root')).toBe('');
    expect(scenePathKey('/rootless')).toBe('rootless');
    const hostile = `X${'/'.repeat(200_000)}Y`;
    const started = performance.now();
    expect(scenePathKey(hostile)).toBe(hostile);
    expect(scenePathKey(`${'/'.repeat(200_000)}Z${'/'.repeat(200_000)}`)).toBe('Z');
    expect(performance.now() - started).toBeLessThan(200);
  });
});

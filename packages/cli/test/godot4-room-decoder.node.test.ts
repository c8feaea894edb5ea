import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { godot4RoomDecoder, loadRpcNames, rpcNamesOfScript } from '@wspeer/cli';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
const names = loadRpcNames(fileURLToPath(new URL('fixtures/names.json', import.meta.url)));

/** SIMPLIFY_PATH for `path` with cache id `id` and the checksum of `methods` (Godot's `_send_confirm_path`). */
function simplify(id: number, path: string, md5: string): Uint8Array {
  const body = Buffer.concat([
    Buffer.from([1]),
    Buffer.from(md5),
    Buffer.from([0]),
    Buffer.alloc(4),
    Buffer.from(path),
    Buffer.from([0]),
  ]);
  body.writeUInt32LE(id, 34);
  return Uint8Array.from(body);
}

describe('the Godot 4 room decoder (wspeer connect --godot4, serve godot4)', () => {
  it('reads @rpc names from GDScript and from a names file', () => {
    expect(names.get('Main')).toEqual(['hello', 'welcome']);
    expect(names.get('Main/Game')).toEqual(['set_turn', 'add_player']);
    expect(
      rpcNamesOfScript('@rpc("any_peer", "call_local")\nfunc a():\n\tpass\n@rpc func b(): pass\nfunc c(): pass'),
    ).toEqual(['a', 'b']);
  });

  it('names methods when the sender checksum matches the names file, numbers them otherwise', () => {
    const decoder = godot4RoomDecoder(names);
    const md5 = '5d41402abc4b2a76b9719d911017c592'; // md5("hello"): not the checksum of hello+welcome
    const good = createHash('md5').update('hellowelcome').digest('hex');
    expect(decoder.decode(5, simplify(1, 'Main', good))).toEqual(['path #1 = Main (methods: hello, welcome)']);
    // REMOTE_CALL, u8 node id 1, method 0, one String argument.
    expect(decoder.decode(5, hex('00 01 00 01 04000000 03000000 416461 00'))).toEqual(['rpc Main.hello("Ada")']);
    // Method 1 with the raw one-PackedByteArray form.
    expect(decoder.decode(5, hex('80 01 01 0a0b'))).toEqual(['rpc Main.welcome(PoolByteArray(2 B))']);
    expect(decoder.decode(6, simplify(1, 'Main', md5))).toEqual(['path #1 = Main (checksum differs from --names)']);
    expect(decoder.decode(6, hex('00 01 00 01 022a'))).toEqual(['rpc Main.#0(42)']);
    expect(decoder.decode(7, hex('00 09 00 00'))).toEqual(['rpc <path #9 not announced>.#0()']);
    // An unconfirmed path travels inline: 0x80000000 | offset.
    expect(decoder.decode(7, hex(`20 07000080 01 00 ${Buffer.from('Main').toString('hex')} 00`))).toEqual([
      'rpc Main.welcome()',
    ]);
  });

  it('decodes the SYS layer: auth, peer announcements, relays with source or target', () => {
    const decoder = godot4RoomDecoder(names);
    expect(decoder.decode(1, hex('0700 746f6b656e'))).toEqual(['auth data 5 B: "token"']);
    expect(decoder.decode(1, hex('0700'))).toEqual(['auth: completed']);
    expect(decoder.decode(1, hex('0701 2a000000'))).toEqual(['announces peer 42 joined']);
    expect(decoder.decode(1, hex('0702 2a000000'))).toEqual(['announces peer 42 left']);
    expect(decoder.decode(1, hex('0703 2a000000 03 aabb'))).toEqual(['(relayed from peer 42) raw 2 B: aa bb']);
    expect(decoder.decode(42, hex('0703 feffffff 03 cc'))).toEqual(['(to all but 2) raw 1 B: cc']);
    expect(decoder.decode(42, hex('06 0100 02000000'))).toEqual(['sync 7 B: 06 01 00 02 00 00 00']);
    expect(decoder.decode(42, hex('0709'))).toEqual(['malformed packet (SYS, 2 B): 07 09']);
  });

  it('never throws, whatever the bytes', () => {
    const decoder = godot4RoomDecoder(names);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.uint8Array({ maxLength: 80 }), (from, bytes) => {
        const lines = decoder.decode(from, bytes);
        expect(lines.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});

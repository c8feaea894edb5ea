import { encodeUtf8 } from '@wspeer/core';
import { md5Hex } from '@wspeer/scene';
import { describe, expect, it } from 'vitest';

const md5 = (text: string) => md5Hex(encodeUtf8(text));

describe('md5Hex (RFC 1321)', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
    expect(md5('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
  });

  it('pads across block edges (55, 56, 63, 64, 65 bytes) and hashes UTF-8', () => {
    // Values from `printf %s ... | md5sum`.
    expect(md5('x'.repeat(55))).toBe('04364420e25c512fd958a70738aa8f72');
    expect(md5('x'.repeat(56))).toBe('668a72d5ba17f08e62dabcafad6db14b');
    expect(md5('x'.repeat(64))).toBe('c1bb4f81d892b2d57947682aeb252456');
    expect(md5('ü✓')).toBe(md5Hex(new Uint8Array([0xc3, 0xbc, 0xe2, 0x9c, 0x93])));
  });

  it("gives the checksum of a node's RPC names as Godot's String::md5_text (value from md5sum)", () => {
    expect(md5('echo_backfrom_serverhello_serverintspingraw_bytes')).toBe('4ed10e251e6258a93ea478db4e80cb68');
  });
});

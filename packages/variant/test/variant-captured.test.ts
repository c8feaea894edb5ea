import { ErrorCode } from '@wspeer/core';
import {
  ByteReader,
  ByteWriter,
  DECODE_FAILED,
  decodeVariant,
  encodeVariant,
  Real,
  readVariant,
  type Variant,
  Vector2,
  Vector3,
  writeVariant,
} from '@wspeer/variant';
import { describe, expect, it } from 'vitest';

// Bytes captured between two Godot 3.2.3 processes (reference/godot-websocket.md §3.6).

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

/** The `from_server` RPC's 12 arguments, one row of the §3.6 table each (offsets 001b..00e2). */
const fromServerArgs: ReadonlyArray<readonly [string, Variant, Variant, string]> = [
  ['NIL', null, null, '00000000'],
  ['BOOL true', true, true, '01000000 01000000'],
  ['INT 42', 42, 42, '02000000 2a000000'],
  ['INT -7', -7, -7, '02000000 f9ffffff'],
  ['INT64 1099511627776', 1099511627776, 1099511627776, '02000100 0000000000010000'],
  ['REAL float32 0.5', 0.5, 0.5, '03000000 0000003f'],
  ['REAL float64 0.1', 0.1, 0.1, '03000100 9a9999999999b93f'],
  ['STRING "héllo srv"', 'héllo srv', 'héllo srv', '04000000 0a000000 68c3a96c6c6f20737276 0000'],
  ['VECTOR2 (1.5, -2)', new Vector2(1.5, -2), new Vector2(1.5, -2), '05000000 0000c03f 000000c0'],
  ['VECTOR3 (1, 2, 3)', new Vector3(1, 2, 3), new Vector3(1, 2, 3), '07000000 0000803f 00000040 00004040'],
  [
    'ARRAY [1, "two", 3.0]',
    [1, 'two', new Real(3)],
    [1, 'two', 3],
    '13000000 03000000 02000000 01000000 04000000 03000000 74776f00 03000000 00004040',
  ],
  [
    'DICTIONARY {"k": "v", 7: PoolByteArray(1..5)}',
    new Map<Variant, Variant>([
      ['k', 'v'],
      [7, new Uint8Array([1, 2, 3, 4, 5])],
    ]),
    new Map<Variant, Variant>([
      ['k', 'v'],
      [7, new Uint8Array([1, 2, 3, 4, 5])],
    ]),
    '12000000 02000000 04000000 01000000 6b000000 04000000 01000000 76000000 02000000 07000000 14000000 05000000 0102030405 000000',
  ],
];

/** The whole 233-byte payload of the captured `from_server` call, row by row. */
const fromServerPayload = fromHex(
  [
    '00 01000000 4953f669',
    '00',
    'da 00 00 80',
    '66726f6d5f73657276657200',
    '0c',
    ...fromServerArgs.map((row) => row[3]),
    '50726f626500',
  ].join(''),
);

describe('captured from_server RPC arguments (Godot 3.2.3)', () => {
  it.each(fromServerArgs)('%s encodes to the captured bytes', (_name, input, _decoded, bytes) => {
    expect(hex(encodeVariant(input))).toBe(hex(fromHex(bytes)));
  });

  it.each(fromServerArgs)('%s decodes from the captured bytes', (_name, _input, decoded, bytes) => {
    const encoded = fromHex(bytes);
    expect(decodeVariant(encoded)).toStrictEqual({ error: ErrorCode.OK, value: decoded, bytesRead: encoded.length });
  });

  it('all 12 appended to one writer give payload bytes 001b..00e2 exactly', () => {
    const writer = new ByteWriter();
    for (const [, input] of fromServerArgs) writeVariant(writer, input);
    const bytes = writer.finish();
    expect(bytes.length).toBe(0xe3 - 0x1b);
    expect(hex(bytes)).toBe(hex(fromServerPayload.subarray(0x1b, 0xe3)));
  });

  it('reading the captured payload from offset 0x1b yields the 12 values and ends at the node path', () => {
    expect(fromServerPayload.length).toBe(233);
    expect(fromServerPayload[0x1a]).toBe(12);
    const reader = new ByteReader(fromServerPayload, 0x1b);
    const values = fromServerArgs.map(() => readVariant(reader));
    expect(values).not.toContain(DECODE_FAILED);
    expect(values).toStrictEqual(fromServerArgs.map((row) => row[2]));
    expect(reader.pos).toBe(0xe3);
  });

  it('decodeVariant at an offset inside the payload reports the size of that one value', () => {
    const result = decodeVariant(fromServerPayload, 0x87);
    expect(result).toStrictEqual({ error: ErrorCode.OK, value: [1, 'two', 3], bytesRead: 0xab - 0x87 });
  });
});

describe('other captured Variants (Godot 3.2.3)', () => {
  const cases: ReadonlyArray<readonly [string, Variant, string]> = [
    ['STRING "server broadcast"', 'server broadcast', '04000000 10000000 7365727665722062726f616463617374'],
    ['INT 77 (remote_value rset)', 77, '02000000 4d000000'],
    ['STRING "hello from A"', 'hello from A', '04000000 0c000000 68656c6c6f2066726f6d2041'],
    ['INT A = 1777750857', 1777750857, '02000000 4953f669'],
    [
      'STRING "second hello from A" (1 pad byte)',
      'second hello from A',
      '04000000 13000000 7365636f6e642068656c6c6f2066726f6d2041 00',
    ],
  ];

  it.each(cases)('%s encodes and decodes byte-exactly', (_name, value, bytes) => {
    const encoded = fromHex(bytes);
    expect(hex(encodeVariant(value))).toBe(hex(encoded));
    expect(decodeVariant(encoded)).toStrictEqual({ error: ErrorCode.OK, value, bytesRead: encoded.length });
  });

  it('the relayed relay_msg("hello from A", A) arguments read back from the captured packet', () => {
    const packet = fromHex(
      '00 4953f669 e1c7865f 00 2c000080 72656c61795f6d736700 02 04000000 0c000000 68656c6c6f2066726f6d2041 02000000 4953f669 50726f626500',
    );
    const reader = new ByteReader(packet, 9 + 16);
    expect(readVariant(reader)).toBe('hello from A');
    expect(readVariant(reader)).toBe(1777750857);
    expect(reader.pos).toBe(9 + 0x2c);
  });
});

/** A fixed, non-zero masking key: servers must unmask every frame, as with a browser client. */
const MASK = [0x37, 0xfa, 0x21, 0x3d] as const;

/** WebSocket opcodes the bench clients send. */
export const Opcode = { TEXT: 1, BINARY: 2, CLOSE: 8, PING: 9, PONG: 10 } as const;

/**
 * Builds one complete client-to-server frame (FIN set, masked) around `payload`. Bench clients
 * build their frames once and write the same buffer again and again, so the client costs almost
 * nothing per message while the server still pays for unmasking and parsing.
 */
export function clientFrame(opcode: number, payload: Uint8Array | string): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const length = data.byteLength;
  const header = length < 126 ? 6 : length < 65536 ? 8 : 14;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) {
    frame[1] = 0x80 | length;
  } else if (length < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  const maskAt = header - 4;
  for (let i = 0; i < 4; i++) frame[maskAt + i] = MASK[i] as number;
  for (let i = 0; i < length; i++) frame[header + i] = (data[i] as number) ^ (MASK[i & 3] as number);
  return frame;
}

/** Bytes of a frame header (RFC 6455 section 5.2) for `length` payload bytes, without the masking key. */
export function headerSize(length: number): number {
  return length < 126 ? 2 : length < 65536 ? 4 : 10;
}

/**
 * Writes a final frame header (FIN, `opcode`, no mask bit) for `length` payload bytes at `at`;
 * returns the offset after it. A client sets the mask bit (`0x80` in the second byte) and follows
 * the header with the masking key.
 */
export function writeHeader(target: Buffer, at: number, opcode: number, length: number): number {
  target[at] = 0x80 | opcode;
  if (length < 126) {
    target[at + 1] = length;
    return at + 2;
  }
  if (length < 65536) {
    target[at + 1] = 126;
    target.writeUInt16BE(length, at + 2);
    return at + 4;
  }
  target[at + 1] = 127;
  target.writeUInt32BE(Math.floor(length / 2 ** 32), at + 2);
  target.writeUInt32BE(length >>> 0, at + 6);
  return at + 10;
}

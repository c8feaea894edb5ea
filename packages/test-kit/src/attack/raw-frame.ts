/** WebSocket opcodes (RFC 6455). */
export const Op = { CONTINUATION: 0, TEXT: 1, BINARY: 2, CLOSE: 8, PING: 9, PONG: 10 } as const;

/** A fixed, non-zero mask key: receivers still pay for unmasking. */
const MASK = Buffer.from([0x12, 0x34, 0x56, 0x78]);

/** Options of {@link rawFrame}: everything an attacker may get wrong on purpose. */
export interface RawFrameOptions {
  /** Mask the payload (clients must). Default true. */
  mask?: boolean;
  /** FIN bit. Default true. */
  fin?: boolean;
  /** RSV1-3 bits (0-7). Default 0. */
  rsv?: number;
  /** Declared payload length, when it should differ from the payload's. */
  declaredLength?: number;
}

/** One WebSocket frame as a client sends it (or, with options, as it must not). */
export function rawFrame(opcode: number, payload: Uint8Array, options: RawFrameOptions = {}): Buffer {
  const mask = options.mask ?? true;
  const length = options.declaredLength ?? payload.byteLength;
  const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + (mask ? 4 : 0));
  header[0] = ((options.fin ?? true) ? 0x80 : 0) | (((options.rsv ?? 0) & 7) << 4) | (opcode & 15);
  header[1] = (mask ? 0x80 : 0) | (lengthBytes === 0 ? length : lengthBytes === 2 ? 126 : 127);
  if (lengthBytes === 2) header.writeUInt16BE(length, 2);
  else if (lengthBytes === 8) header.writeBigUInt64BE(BigInt(length), 2);
  if (!mask) return Buffer.concat([header, payload]);
  MASK.copy(header, 2 + lengthBytes);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = (body[i] as number) ^ (MASK[i & 3] as number);
  return Buffer.concat([header, body]);
}

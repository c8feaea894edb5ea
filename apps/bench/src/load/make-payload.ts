import type { PayloadKind } from '../client/echo-protocol.js';

/** A deterministic payload of `size` bytes: printable ASCII for text, varied bytes for binary. */
export function makePayload(kind: PayloadKind, size: number): Buffer {
  const payload = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) payload[i] = kind === 'text' ? 0x61 + (i % 26) : (i * 151 + 7) & 0xff;
  return payload;
}

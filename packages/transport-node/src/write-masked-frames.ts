import type { Socket } from 'node:net';
import { headerSize, writeHeader } from './frame-header.js';
import { maskInPlace, maskInto, nextMaskKey } from './masking.js';

/** Scratch for the payload sizes of one batch. */
const sizes: number[] = [];

/**
 * Frames `count` messages as a client must (RFC 6455: FIN, masked with a fresh random key each; a
 * string is a text frame) into one buffer and writes it with one `write`. Masking copies every
 * payload anyway, so the copy into one buffer costs nothing extra: `ws.send` would allocate and
 * mask a buffer per message, then write each.
 */
export function writeMaskedFrames(socket: Socket, messages: ReadonlyArray<Uint8Array | string>, count: number): void {
  let total = 0;
  for (let i = 0; i < count; i++) {
    const m = messages[i] as Uint8Array | string;
    const length = typeof m === 'string' ? Buffer.byteLength(m) : m.byteLength;
    sizes[i] = length;
    total += headerSize(length) + 4 + length;
  }
  const frames = Buffer.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const m = messages[i] as Uint8Array | string;
    const length = sizes[i] as number;
    const start = at;
    at = writeHeader(frames, at, typeof m === 'string' ? 1 : 2, length);
    frames[start + 1] = (frames[start + 1] as number) | 0x80;
    at = nextMaskKey(frames, at);
    if (typeof m === 'string') {
      frames.write(m, at, 'utf8');
      maskInPlace(frames, at, length);
    } else maskInto(m, frames, at);
    at += length;
  }
  socket.write(frames);
}

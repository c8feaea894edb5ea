import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer as WsServer } from 'ws';
import { nextMessage, opened, WebSocketPeer } from 'wspeer';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** Every length class of RFC 6455 around its edges (7-bit, 16-bit, 64-bit) and the masking cut-offs (32, 48). */
const BINARY_LENGTHS = [0, 1, 3, 31, 32, 47, 48, 125, 126, 127, 4096, 65535, 65536, 200_000];
/** Multi-byte UTF-8 (2, 3 and 4 bytes per character): 9 bytes per repeat. */
const TEXT_REPEATS = [0, 1, 5, 12, 30, 8000];

function messages(): Array<Uint8Array | string> {
  const binary = BINARY_LENGTHS.map((length) => new Uint8Array(length).map((_, i) => (i * 131 + length) & 0xff));
  return [...binary, ...TEXT_REPEATS.map((n) => 'é✓😀'.repeat(n))];
}

/** The masking keys of the client frames in `bytes` (throws on an unmasked frame). */
function maskingKeys(bytes: Buffer): string[] {
  const keys: string[] = [];
  let at = 0;
  while (at < bytes.length) {
    const second = bytes[at + 1] as number;
    if ((second & 0x80) === 0) throw new Error(`unmasked client frame at byte ${at}`);
    let length = second & 0x7f;
    let header = 2;
    if (length === 126) {
      length = bytes.readUInt16BE(at + 2);
      header = 4;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(at + 2));
      header = 10;
    }
    keys.push(bytes.subarray(at + header, at + header + 4).toString('hex'));
    at += header + 4 + length;
  }
  return keys;
}

describe('client frames written by the Node transport', () => {
  it('a batch of every length class, binary and text, reaches a ws server intact, each frame masked with its own key', async () => {
    const wss = new WsServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    cleanup.push(() => new Promise((resolve) => wss.close(resolve)));
    const raw: Buffer[] = [];
    const closes: number[] = [];
    wss.on('connection', (ws: WebSocket) => {
      (ws as unknown as { _socket: Socket })._socket.on('data', (chunk: Buffer) => raw.push(chunk));
      ws.on('message', (data: Buffer, isBinary: boolean) => ws.send(data, { binary: isBinary }));
      ws.on('close', (code) => closes.push(code));
    });
    await new Promise((resolve) => wss.once('listening', resolve));
    const client = new WebSocketPeer({ autoPoll: true, inboundBufferSize: 1 << 20, outboundBufferSize: 1 << 20 });
    cleanup.push(() => client.close(-1));
    client.connectToUrl(`ws://127.0.0.1:${(wss.address() as { port: number }).port}/`);
    await opened(client, 5000);
    const sent = messages();
    // One turn: wspeer writes the whole batch at once.
    for (const message of sent)
      expect(typeof message === 'string' ? client.sendText(message) : client.send(message)).toBe(0);
    const received: Array<Uint8Array | string> = [];
    for (let i = 0; i < sent.length; i++) received.push(await nextMessage(client, 5000));
    expect(closes).toEqual([]);
    expect(received.map((m) => (typeof m === 'string' ? m : Buffer.from(m).toString('hex')))).toEqual(
      sent.map((m) => (typeof m === 'string' ? m : Buffer.from(m).toString('hex'))),
    );
    const keys = maskingKeys(Buffer.concat(raw));
    expect(keys).toHaveLength(sent.length);
    expect(new Set(keys).size).toBe(sent.length);
  });
});

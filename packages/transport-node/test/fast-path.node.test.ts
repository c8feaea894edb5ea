import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { pollUntil } from '@wspeer/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer as WsServer } from 'ws';
import { ErrorCode, type WebSocketPeer } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';

const cleanup: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** An HTTP server on 127.0.0.1 whose accepted sockets count their `write` calls. */
async function countingHttpServer(): Promise<{ http: Server; port: number; writes: () => number; reset: () => void }> {
  const http = createServer();
  let writes = 0;
  http.on('connection', (socket: Socket) => {
    const write = socket.write;
    socket.write = function counted(this: Socket, ...args: Parameters<Socket['write']>) {
      writes++;
      return write.apply(this, args);
    } as Socket['write'];
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  return {
    http,
    port: (http.address() as { port: number }).port,
    writes: () => writes,
    reset: () => {
      writes = 0;
    },
  };
}

/** A ws client collecting what it receives, with the frame type. */
async function wsClient(port: number): Promise<{ received: string[] }> {
  const client = new WebSocket(`ws://127.0.0.1:${port}/`);
  const received: string[] = [];
  client.on('message', (data, isBinary) => received.push(`${isBinary ? 'b' : 't'}:${data.toString()}`));
  await new Promise((resolve, reject) => {
    client.once('open', resolve);
    client.once('error', reject);
  });
  cleanup.push(() => client.terminate());
  return { received };
}

const COUNT = 20;
const expected = Array.from({ length: COUNT }, (_, i) => (i % 2 === 0 ? `b:bin-${i}` : `t:text-${i}`));

describe('the server-side fast path (frames written straight to the TCP socket)', () => {
  it('turns N sends in one turn into ONE socket write (fails if a ws upgrade disables the fast path)', async () => {
    const counting = await countingHttpServer();
    const server = new WebSocketServer({ autoPoll: true });
    expect(server.attach(counting.http)).toBe(ErrorCode.OK);
    cleanup.push(() => server.stop());
    let peer: WebSocketPeer | null = null;
    server.on('client_connected', (id) => {
      peer = server.getPeer(id);
    });
    const client = await wsClient(counting.port);
    await pollUntil([], () => peer !== null);
    const open = peer as unknown as WebSocketPeer;
    counting.reset();
    for (let i = 0; i < COUNT; i++) {
      const err = i % 2 === 0 ? open.send(new TextEncoder().encode(`bin-${i}`)) : open.sendText(`text-${i}`);
      expect(err).toBe(ErrorCode.OK);
    }
    await pollUntil([], () => client.received.length === COUNT);
    expect(client.received).toEqual(expected);
    expect(counting.writes()).toBe(1);
  });

  it('control: the same sends through a plain ws server take a write per message (the counter can fail)', async () => {
    const counting = await countingHttpServer();
    const wss = new WsServer({ server: counting.http, perMessageDeflate: false });
    cleanup.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
    const connected = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const client = await wsClient(counting.port);
    const socket = await connected;
    counting.reset();
    for (let i = 0; i < COUNT; i++) socket.send(i % 2 === 0 ? Buffer.from(`bin-${i}`) : `text-${i}`);
    await pollUntil([], () => client.received.length === COUNT);
    expect(client.received).toEqual(expected);
    expect(counting.writes()).toBeGreaterThanOrEqual(COUNT);
  });
});

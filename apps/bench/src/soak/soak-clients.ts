import { connect, type Socket } from 'node:net';

/** Local addresses the clients connect from: 127.0.0.1-8, each with its own ephemeral port range. */
const LOCAL_ADDRESSES = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 1}`);
const REQUEST = (port: number): string =>
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
/** A masked close frame (1000), as a client sends it. */
const CLOSE = Buffer.from([0x88, 0x82, 1, 2, 3, 4, 0x03 ^ 1, 0xe8 ^ 2]);

/**
 * Opens one WebSocket connection over a raw TCP socket (the cheapest possible client, so the
 * server is what is measured) and resolves once the 101 response arrived; `null` on failure.
 */
export function openRaw(port: number, index: number, timeoutMs = 10_000): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: LOCAL_ADDRESSES[index % LOCAL_ADDRESSES.length] });
    let head = '';
    const timer = setTimeout(() => done(false), timeoutMs);
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.removeAllListeners('data');
      if (!ok) socket.destroy();
      resolve(ok ? socket : null);
    };
    socket.on('error', () => done(false));
    socket.once('connect', () => socket.write(REQUEST(port)));
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) done(head.startsWith('HTTP/1.1 101'));
    });
  });
}

/** Closes a connection with a close handshake and resolves once the server closed it (or 5 s passed). */
export function closeRaw(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    const timer = setTimeout(() => {
      socket.destroy();
      resolve();
    }, 5000);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.end(CLOSE);
  });
}

/** Runs `task(i)` for `count` indexes, `parallel` at a time. */
export async function inParallel(count: number, parallel: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
}

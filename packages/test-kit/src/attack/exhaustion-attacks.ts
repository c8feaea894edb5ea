import { connect, type Socket } from 'node:net';
import { type Attack, closedWithin, inParallel, sleep, tryOpen, write } from './attack-kit.js';
import { Op, rawFrame } from './raw-frame.js';

/**
 * Slowloris: `connections` TCP connections that trickle an upgrade request one byte every
 * `intervalMs`, for at most `durationMs`. Reports how many the server closed and how long each
 * one was held.
 */
export const slowloris: Attack = async ({ port }, args) => {
  const connections = Number(args.connections ?? 1000);
  const intervalMs = Number(args.intervalMs ?? 1000);
  const durationMs = Number(args.durationMs ?? 10_000);
  const path = String(args.path ?? '/echo');
  const request = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Pad: ${'a'.repeat(512)}\r\n`;
  const sockets: Socket[] = [];
  const heldMs: number[] = [];
  let refused = 0;
  const started = Date.now();
  await inParallel(connections, 100, async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      const opened = Date.now();
      socket.on('error', () => {});
      socket.once('connect', () => {
        sockets.push(socket);
        socket.on('close', () => heldMs.push(Date.now() - opened));
        resolve();
      });
      socket.once('close', () => {
        if (!sockets.includes(socket)) refused++;
        resolve();
      });
    });
  });
  let sent = 0;
  const timer = setInterval(() => {
    for (const socket of sockets) if (!socket.destroyed) socket.write(request[sent % request.length] as string);
    sent++;
  }, intervalMs);
  while (Date.now() - started < durationMs && heldMs.length < sockets.length) await sleep(20);
  clearInterval(timer);
  const stillOpen = sockets.filter((s) => !s.destroyed).length;
  for (const socket of sockets) socket.destroy();
  heldMs.sort((a, b) => a - b);
  return {
    connections,
    connected: sockets.length,
    refused,
    closedByServer: sockets.length - stillOpen,
    stillOpen,
    heldMedianMs: heldMs[Math.floor(heldMs.length / 2)] ?? 0,
    heldMaxMs: heldMs[heldMs.length - 1] ?? 0,
  };
};

/** `cycles` connect / close-handshake cycles, `parallel` at a time. */
export const churn: Attack = async ({ port }, args) => {
  const cycles = Number(args.cycles ?? 2000);
  const parallel = Number(args.parallel ?? 20);
  const path = String(args.path ?? '/echo');
  let done = 0;
  let failed = 0;
  await inParallel(cycles, parallel, async () => {
    const ws = await tryOpen(port, path);
    if (ws === null) {
      failed++;
      return;
    }
    ws.write(rawFrame(Op.CLOSE, Buffer.from([0x03, 0xe8])));
    if (await closedWithin(ws, 2000)) done++;
    else failed++;
    ws.destroy();
  });
  return { cycles, done, failed };
};

/**
 * An echo client that reads nothing and sends `size`-byte messages until the server cuts it (at
 * most `messages`, for at most `durationMs`): a server must not keep serving it, nor drop its
 * echoes silently.
 */
export const echoNoRead: Attack = async ({ port }, args) => {
  const messages = Number(args.messages ?? 1000);
  const size = Number(args.size ?? 60_000);
  const durationMs = Number(args.durationMs ?? 15_000);
  const path = String(args.path ?? '/echo');
  const ws = await tryOpen(port, path);
  if (ws === null) return { opened: false };
  ws.socket.pause();
  const frame = rawFrame(Op.BINARY, Buffer.alloc(size, 1));
  let sent = 0;
  const started = Date.now();
  const deadline = started + durationMs;
  // Writes complete while the kernel takes them; once the server stops reading us they wait.
  while (sent < messages && Date.now() < deadline && !ws.closed) {
    if (ws.write(frame)) sent++;
    await sleep(ws.socket.writableNeedDrain ? 20 : 0);
  }
  const closed = await closedWithin(ws, Math.max(0, deadline - Date.now()));
  ws.destroy();
  return { sent, megabytes: (sent * size) / 2 ** 20, closed, closedAfterMs: closed ? Date.now() - started : -1 };
};

/** Echo traffic of `megabytes` in `size`-byte messages, read back (what a log must not copy). */
export const echoBig: Attack = async ({ port }, args) => {
  const megabytes = Number(args.megabytes ?? 20);
  const size = Number(args.size ?? 60_000);
  const path = String(args.path ?? '/echo');
  const ws = await tryOpen(port, path);
  if (ws === null) return { opened: false };
  ws.keepMessages = false;
  const count = Math.ceil((megabytes * 2 ** 20) / size);
  const frame = rawFrame(Op.TEXT, Buffer.alloc(size, 0x61));
  const deadline = Date.now() + 20_000;
  for (let i = 0; i < count && Date.now() < deadline; i++) {
    if (!(await write(ws, frame))) break;
    while (i - ws.received > 2 && !ws.closed && Date.now() < deadline) await sleep(1);
  }
  while (ws.received < count && !ws.closed && Date.now() < deadline) await sleep(2);
  ws.destroy();
  return { sent: count, echoed: ws.received };
};

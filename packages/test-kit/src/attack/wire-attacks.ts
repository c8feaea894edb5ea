import { type Attack, closedWithin, inParallel, sleep, tryOpen } from './attack-kit.js';
import { Op, rawFrame } from './raw-frame.js';

/** Frames no client may send, one per kind of mistake. */
const MALFORMED: Array<() => Uint8Array> = [
  () => Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 255)),
  () => rawFrame(Op.BINARY, Buffer.alloc(10), { mask: false }),
  () => rawFrame(Op.BINARY, Buffer.alloc(10), { rsv: 4 }),
  () => rawFrame(3, Buffer.alloc(10)),
  () => rawFrame(Op.PING, Buffer.alloc(200)),
  () => rawFrame(Op.PING, Buffer.alloc(4), { fin: false }),
  () => rawFrame(Op.TEXT, Buffer.from([0xff, 0xfe, 0xfd])),
  () => rawFrame(Op.CLOSE, Buffer.from([0x03, 0xe7])),
  () => rawFrame(Op.CONTINUATION, Buffer.alloc(10)),
  () => rawFrame(Op.BINARY, Buffer.alloc(0), { declaredLength: 2 ** 53 - 1 }),
];

/** Connections that each send one malformed frame; counts how many the server closed. */
export const garbage: Attack = async ({ port }, args) => {
  const connections = Number(args.connections ?? 200);
  const path = String(args.path ?? '/echo');
  let closed = 0;
  let open = 0;
  await inParallel(connections, 50, async (i) => {
    const ws = await tryOpen(port, path);
    if (ws === null) return;
    open++;
    ws.write((MALFORMED[i % MALFORMED.length] as () => Uint8Array)());
    if (await closedWithin(ws, 3000)) closed++;
    ws.destroy();
  });
  return { connections, open, closed };
};

/** Connections that each send one message over the limit; counts 1009 closes. */
export const oversize: Attack = async ({ port }, args) => {
  const connections = Number(args.connections ?? 100);
  const size = Number(args.size ?? 70_000);
  const path = String(args.path ?? '/echo');
  let closed = 0;
  let code1009 = 0;
  await inParallel(connections, 20, async () => {
    const ws = await tryOpen(port, path);
    if (ws === null) return;
    ws.write(rawFrame(Op.BINARY, Buffer.alloc(size, 7)));
    if (await closedWithin(ws, 3000)) closed++;
    if (ws.closeCode === 1009) code1009++;
    ws.destroy();
  });
  return { connections, closed, code1009 };
};

/** Connections that ping as fast as they can; counts closes and their codes. */
export const pingFlood: Attack = async ({ port }, args) => {
  const connections = Number(args.connections ?? 20);
  const durationMs = Number(args.durationMs ?? 2000);
  const path = String(args.path ?? '/echo');
  const burst = Buffer.concat(Array.from({ length: 100 }, () => rawFrame(Op.PING, Buffer.from('ping'))));
  const codes: Record<string, number> = {};
  let pings = 0;
  await inParallel(connections, connections, async () => {
    const ws = await tryOpen(port, path);
    if (ws === null) return;
    const end = Date.now() + durationMs;
    while (!ws.closed && Date.now() < end) {
      ws.write(burst);
      pings += 100;
      await sleep(1);
    }
    await closedWithin(ws, 1500);
    codes[String(ws.closeCode)] = (codes[String(ws.closeCode)] ?? 0) + 1;
    ws.destroy();
  });
  return { connections, pings, closeCodes: codes };
};

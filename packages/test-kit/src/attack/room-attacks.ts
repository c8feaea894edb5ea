import { type Attack, inParallel, joinRoom, letters, sleep, write } from './attack-kit.js';
import { godot3Data, remoteCall, simplifyPath, variantString } from './godot3-packets.js';
import { Op, rawFrame } from './raw-frame.js';

const binary = (payload: Uint8Array): Buffer => rawFrame(Op.BINARY, payload);

/**
 * `connections` clients (default 1) that each broadcast `size`-byte packets to the room as fast as
 * their socket drains, for `durationMs`.
 */
export const relayFlood: Attack = async ({ port }, args) => {
  const path = String(args.path ?? '/relay');
  const size = Number(args.size ?? 8192);
  const durationMs = Number(args.durationMs ?? 3000);
  const connections = Number(args.connections ?? 1);
  const end = Date.now() + durationMs;
  let sent = 0;
  let cut = 0;
  await inParallel(connections, connections, async () => {
    const ws = await joinRoom(port, path, (args.protocols as string[]) ?? []);
    const frame = binary(godot3Data(ws.id, 0, Buffer.alloc(size, 9)));
    let mine = 0;
    while (Date.now() < end && (await write(ws, frame))) {
      sent++;
      if (++mine % 64 === 0) await sleep(0);
    }
    if (ws.closed) cut++;
    ws.destroy();
  });
  return { connections, sent, megabytes: (sent * size) / 2 ** 20, cut };
};

/** `count` packets the relay must refuse: spoofed senders, system messages, unknown targets, short headers. */
export const spoofFlood: Attack = async ({ port }, args) => {
  const path = String(args.path ?? '/relay');
  const count = Number(args.count ?? 50_000);
  const ws = await joinRoom(port, path, (args.protocols as string[]) ?? []);
  const bad = [
    binary(godot3Data(ws.id + 1, 0, Buffer.alloc(8))),
    binary(godot3Data(ws.id, 0, Buffer.alloc(8), 3)),
    binary(godot3Data(ws.id, 123_456_789, Buffer.alloc(8))),
    binary(Buffer.alloc(5)),
    binary(godot3Data(ws.id, ws.id, Buffer.alloc(8))),
  ];
  let sent = 0;
  const deadline = Date.now() + 15_000;
  while (sent < count && Date.now() < deadline && (await write(ws, bad[sent % bad.length] as Buffer))) sent++;
  await sleep(50);
  const cut = ws.closed;
  ws.destroy();
  return { sent, cut };
};

/** `count` RPCs to the server naming a node by a path of 65,000 slashes between two names. */
export const rpcPathStall: Attack = async ({ port }, args) => {
  const path = String(args.path ?? '/relay');
  const count = Number(args.count ?? 20);
  const ws = await joinRoom(port, path, (args.protocols as string[]) ?? []);
  const frame = binary(godot3Data(ws.id, 1, remoteCall(`X${'/'.repeat(65_000)}Y`, 'go')));
  let sent = 0;
  while (sent < count && (await write(ws, frame))) sent++;
  await sleep(100);
  ws.destroy();
  return { sent };
};

/**
 * `count` RPCs to node `node` with unique made-up method names of `nameBytes` characters, spread
 * over `connections` senders (default 1; each has its own rate limits).
 */
export const rpcNames: Attack = async ({ port }, args) => {
  const path = String(args.path ?? '/relay');
  const count = Number(args.count ?? 3000);
  const nameBytes = Number(args.nameBytes ?? 60_000);
  const connections = Number(args.connections ?? 1);
  const node = String(args.node ?? 'Main/Game');
  const filler = 'x'.repeat(nameBytes);
  const deadline = Date.now() + 20_000;
  let next = 0;
  let sent = 0;
  let cut = 0;
  await inParallel(connections, connections, async () => {
    const ws = await joinRoom(port, path, (args.protocols as string[]) ?? []);
    while (next < count && Date.now() < deadline) {
      const name = `${letters(next++)}_${filler}`;
      if (!(await write(ws, binary(godot3Data(ws.id, 1, remoteCall(node, name)))))) break;
      sent++;
    }
    await sleep(100);
    if (ws.closed) cut++;
    ws.destroy();
  });
  return { connections, sent, cut };
};

/**
 * `count` SIMPLIFY_PATH packets with distinct ids and `pathBytes`-character paths, spread over
 * `connections` senders that stay connected (until `release`).
 */
export const rpcSimplify: Attack = async (context, args) => {
  const path = String(args.path ?? '/relay');
  const count = Number(args.count ?? 4000);
  const pathBytes = Number(args.pathBytes ?? 60_000);
  const connections = Number(args.connections ?? 1);
  const filler = 'p'.repeat(pathBytes);
  const deadline = Date.now() + 20_000;
  let next = 0;
  let sent = 0;
  await inParallel(connections, connections, async () => {
    const ws = await joinRoom(context.port, path, (args.protocols as string[]) ?? []);
    while (next < count && Date.now() < deadline) {
      const i = next++;
      if (!(await write(ws, binary(godot3Data(ws.id, 1, simplifyPath(i + 1, `${letters(i)}/${filler}`)))))) break;
      sent++;
    }
    context.held.push(ws);
  });
  await sleep(200);
  return { connections, sent, connected: context.held.filter((ws) => !ws.closed).length };
};

/** `count` out-of-turn `request_action("roll")` calls to the dice game at `node`. */
export const outOfTurn: Attack = async ({ port }, args) => {
  const path = String(args.path ?? '/game');
  const count = Number(args.count ?? 50_000);
  const node = String(args.node ?? 'Main/Panel/VBoxContainer/Game');
  const ws = await joinRoom(port, path, (args.protocols as string[]) ?? ['ludus']);
  const frame = binary(godot3Data(ws.id, 1, remoteCall(node, 'request_action', [variantString('roll')])));
  let sent = 0;
  const deadline = Date.now() + 10_000;
  while (sent < count && Date.now() < deadline && (await write(ws, frame))) sent++;
  await sleep(100);
  const cut = ws.closed;
  ws.destroy();
  return { sent, cut };
};

/**
 * A client that stops reading (so what the room sends it piles up) but keeps broadcasting a small
 * packet every `intervalMs` for `durationMs`: once the server cuts it, nothing more of it may reach
 * anyone.
 */
export const stallAndSend: Attack = async ({ port }, args) => {
  const path = String(args.path ?? '/relay');
  const durationMs = Number(args.durationMs ?? 3000);
  const intervalMs = Number(args.intervalMs ?? 5);
  const ws = await joinRoom(port, path, (args.protocols as string[]) ?? []);
  ws.socket.pause();
  const end = Date.now() + durationMs;
  let sent = 0;
  while (Date.now() < end && !ws.closed) {
    const payload = Buffer.alloc(4);
    payload.writeUInt32LE(sent, 0);
    ws.write(binary(godot3Data(ws.id, 0, payload)));
    sent++;
    await sleep(intervalMs);
  }
  const cut = ws.closed;
  ws.destroy();
  return { id: ws.id, sent, cut };
};

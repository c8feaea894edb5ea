import { type Attack, inParallel, letters, sleep, tryOpen, write } from './attack-kit.js';
import {
  compressedInt,
  sceneAuth,
  sceneCall,
  sceneCallById,
  sceneRaw,
  sceneRelay,
  sceneSys,
  simplifyPath4,
  variant4,
} from './godot4-packets.js';
import { Op, rawFrame } from './raw-frame.js';
import type { RawWs } from './raw-ws.js';
import { SCENE_METHOD, SCENE_NODE, SCENE_TOKEN, sceneRoomChecksum } from './scene-room.js';

const binary = (payload: Uint8Array): Buffer => rawFrame(Op.BINARY, payload);
const CHECKSUM = sceneRoomChecksum();

/** Opens `/scene` and waits for the 4-byte id; with `token`, authenticates and waits for the server's completion. */
async function joinScene(port: number, token: string | null = SCENE_TOKEN): Promise<RawWs & { id: number }> {
  const ws = await tryOpen(port, '/scene');
  if (ws === null) throw new Error('scene attacker: /scene refused the connection');
  const id = (await ws.waitFor((m) => m.length === 4)).readInt32LE(0);
  if (token !== null) {
    ws.write(binary(sceneAuth(Buffer.from(token))));
    ws.write(binary(sceneAuth()));
    await ws.waitFor((m) => m.length === 2 && m[0] === 7 && m[1] === 0);
  }
  ws.messages.length = 0;
  ws.keepMessages = false;
  return Object.assign(ws, { id });
}

/**
 * Waits until the server has processed everything `ws` sent: relays a raw packet to ourselves and
 * waits for it to come back (the server reads a client's packets in order, rate limits or not).
 * Whether it came within `ms`.
 */
async function processed(ws: RawWs & { id: number }, ms = 30_000): Promise<boolean> {
  if (ws.closed) return false;
  ws.messages.length = 0;
  ws.keepMessages = true;
  if (!(await write(ws, binary(sceneRelay(ws.id, sceneRaw(Buffer.from('barrier'))))))) return false;
  try {
    await ws.waitFor((m) => m.length === 14 && m[0] === 7 && m[1] === 3 && m.readInt32LE(2) === ws.id, ms);
    return true;
  } catch {
    return false;
  } finally {
    ws.keepMessages = false;
    ws.messages.length = 0;
  }
}

/** Sends `frames[i % frames.length]` `count` times (or until `deadline`), draining as the socket asks. */
async function pump(ws: RawWs, count: number, deadline: number, frame: (i: number) => Buffer): Promise<number> {
  let sent = 0;
  while (sent < count && Date.now() < deadline && (await write(ws, frame(sent)))) {
    sent++;
    if (sent % 64 === 0) await sleep(0);
  }
  return sent;
}

/**
 * RPCs naming their node inline by hostile paths: `count` of `"X" + "/"x65000 + "Y"` (over the
 * path limit) and `longCount` of `"X" + "/"x4000 + "Y"` (under it: parsed, looked up, refused).
 */
export const scenePathStall: Attack = async ({ port }, args) => {
  const count = Number(args.count ?? 20);
  const longCount = Number(args.longCount ?? 500);
  const ws = await joinScene(port);
  const huge = binary(sceneCall(`X${'/'.repeat(65_000)}Y`, SCENE_METHOD.note, Buffer.alloc(0), 0));
  const long = binary(sceneCall(`X${'/'.repeat(4000)}Y`, SCENE_METHOD.note, Buffer.alloc(0), 0));
  const deadline = Date.now() + 15_000;
  const sent = await pump(ws, count + longCount, deadline, (i) => (i < count ? huge : long));
  const done = await processed(ws);
  const cut = ws.closed;
  ws.destroy();
  return { sent, processed: done, cut };
};

/**
 * SIMPLIFY_PATH floods from `connections` admitted senders that stay connected (until `release`):
 * `count` packets in all, distinct ids, each naming the room's node followed by `pathBytes`
 * slashes (so it is found and cached; every other one with a wrong checksum), and every
 * `unknownEvery`-th naming a distinct unknown node of `pathBytes` characters.
 */
export const sceneSimplify: Attack = async (context, args) => {
  const count = Number(args.count ?? 8800);
  const connections = Number(args.connections ?? 8);
  const pathBytes = Number(args.pathBytes ?? 2000);
  const unknownEvery = Number(args.unknownEvery ?? 10);
  const slashes = '/'.repeat(pathBytes);
  const filler = 'p'.repeat(pathBytes);
  const deadline = Date.now() + 20_000;
  let next = 0;
  let sent = 0;
  let done = 0;
  await inParallel(connections, connections, async () => {
    const ws = await joinScene(context.port);
    context.held.push(ws);
    while (next < count && Date.now() < deadline) {
      const i = next++;
      const path = i % unknownEvery === unknownEvery - 1 ? `${letters(i)}/${filler}` : `${SCENE_NODE}${slashes}`;
      if (!(await write(ws, binary(simplifyPath4(i + 1, path, i % 2 === 0 ? CHECKSUM : undefined))))) break;
      sent++;
      if (sent % 64 === 0) await sleep(0);
    }
    if (await processed(ws)) done++;
  });
  return { connections, sent, processed: done, connected: context.held.filter((ws) => !ws.closed).length };
};

/**
 * Calls the server must refuse, spread over `connections` senders: unknown method ids on the
 * room's node (with `junkBytes` of arguments), unique unknown node paths of 4,000 characters, a
 * path of `nameBytes` characters every 20th call (over the path limit), unknown cache ids.
 */
export const sceneUnknown: Attack = async ({ port }, args) => {
  const count = Number(args.count ?? 2000);
  const connections = Number(args.connections ?? 6);
  const nameBytes = Number(args.nameBytes ?? 60_000);
  const junk = Buffer.alloc(Number(args.junkBytes ?? 1024), 0x41);
  const long = 'n'.repeat(4000);
  const huge = 'h'.repeat(nameBytes);
  const deadline = Date.now() + 20_000;
  let next = 0;
  let sent = 0;
  let cut = 0;
  let done = 0;
  const frame = (i: number): Buffer => {
    if (i % 20 === 19) return binary(sceneCall(`${letters(i)}${huge}`, SCENE_METHOD.note, Buffer.alloc(0), 0));
    switch (i % 3) {
      case 0:
        return binary(sceneCall(SCENE_NODE, 3 + (i % 65_000), junk, null));
      case 1:
        return binary(sceneCall(`${letters(i)}/${long}`, SCENE_METHOD.note, Buffer.alloc(0), 0));
      default:
        return binary(sceneCallById(100_000 + i, SCENE_METHOD.note, Buffer.alloc(0), 0));
    }
  };
  await inParallel(connections, connections, async () => {
    const ws = await joinScene(port);
    while (next < count && Date.now() < deadline) {
      if (!(await write(ws, frame(next++)))) break;
      sent++;
      if (sent % 64 === 0) await sleep(0);
    }
    if (await processed(ws)) done++;
    if (ws.closed) cut++;
    ws.destroy();
  });
  return { connections, sent, processed: done, cut };
};

/** The Variant bombs of {@link sceneVariantBombs}, each one `note(bomb)` argument. */
const BOMBS: Record<string, Buffer> = {
  deepArrays: variant4.nestedArrays(5000),
  deepDictionaries: variant4.nestedDictionaries(3000),
  arrayCount: variant4.declared(28, 0x7fffffff),
  dictionaryCount: variant4.declared(27, 0x7fffffff),
  stringLength: variant4.declared(4, 0xfffffff0),
  packedBytes: variant4.declared(29, 0xffffffff),
  packedStrings: variant4.declared(34, 0x7fffffff),
  lyingVector3s: variant4.lyingPacked(36, 12, 2500),
  lyingInt64s: variant4.lyingPacked(31, 8, 4000),
  lyingColors: variant4.lyingPacked(37, 16, 2000),
  emptyArrays: variant4.arrayOfEmptyArrays(7000),
  vector2s: variant4.vector2s(7000),
  intKeys: variant4.intKeys(4500),
};

/**
 * `count` calls whose argument is a Variant bomb (nesting far past the depth limit, counts and
 * lengths of 2^31, packed arrays one item short of what they declare, and valid containers with
 * the most objects per byte), from `connections` senders: to `note(...)` (decoded whatever its
 * type), to `ping(int)` (decoded, then refused by type), and every 8th relayed to everyone.
 */
export const sceneVariantBombs: Attack = async ({ port }, args) => {
  const count = Number(args.count ?? 400);
  const connections = Number(args.connections ?? 4);
  const kinds = Object.values(BOMBS);
  const deadline = Date.now() + 20_000;
  let next = 0;
  let sent = 0;
  let cut = 0;
  let done = 0;
  await inParallel(connections, connections, async () => {
    const ws = await joinScene(port);
    const frame = (i: number): Buffer => {
      const bomb = kinds[i % kinds.length] as Buffer;
      const method = i % 3 === 2 ? SCENE_METHOD.ping : SCENE_METHOD.note;
      const call = sceneCall(SCENE_NODE, method, bomb, 1);
      return binary(i % 8 === 7 ? sceneRelay(-ws.id, call) : call);
    };
    while (next < count && Date.now() < deadline) {
      if (!(await write(ws, frame(next++)))) break;
      sent++;
      if (sent % 16 === 0) await sleep(0);
    }
    if (await processed(ws)) done++;
    if (ws.closed) cut++;
    ws.destroy();
  });
  return { connections, sent, processed: done, kinds: Object.keys(BOMBS).length, cut };
};

/**
 * `connections` connections that never authenticate (every third sends calls and raw packets
 * instead), held until the server drops them or `holdMs` passes. Reports how many the server cut
 * (a close frame or a closed socket) and how long after joining.
 */
export const sceneAuthFlood: Attack = async ({ port }, args) => {
  const connections = Number(args.connections ?? 300);
  const holdMs = Number(args.holdMs ?? 5000);
  const sockets: Array<{ ws: RawWs; joined: number; cutAfterMs: number }> = [];
  let refused = 0;
  await inParallel(connections, 25, async (i) => {
    try {
      const ws = await joinScene(port, null);
      sockets.push({ ws, joined: Date.now(), cutAfterMs: -1 });
      if (i % 3 === 2) {
        ws.write(binary(sceneRaw(Buffer.alloc(64, 1))));
        ws.write(binary(sceneCall(SCENE_NODE, SCENE_METHOD.note, Buffer.alloc(0), 0)));
        ws.write(binary(simplifyPath4(1, SCENE_NODE)));
      }
    } catch {
      refused++;
    }
  });
  const opened = Date.now();
  while (Date.now() - opened < holdMs) {
    const now = Date.now();
    let waiting = 0;
    for (const s of sockets) {
      if (s.cutAfterMs < 0 && (s.ws.closeCode !== -1 || s.ws.closed)) s.cutAfterMs = now - s.joined;
      if (s.cutAfterMs < 0) waiting++;
    }
    if (waiting === 0) break;
    await sleep(10);
  }
  const cutMs = sockets
    .map((s) => s.cutAfterMs)
    .filter((ms) => ms >= 0)
    .sort((a, b) => a - b);
  const codes: Record<string, number> = {};
  for (const s of sockets) codes[String(s.ws.closeCode)] = (codes[String(s.ws.closeCode)] ?? 0) + 1;
  for (const s of sockets) s.ws.destroy();
  return {
    connections,
    joined: sockets.length,
    refused,
    cutByServer: cutMs.length,
    cutMinMs: cutMs[0] ?? -1,
    cutMaxMs: cutMs[cutMs.length - 1] ?? -1,
    closeCodes: codes,
  };
};

/**
 * One admitted sender relaying as fast as its socket drains for `durationMs`: `size`-byte raw
 * packets to everyone (0), to everyone but itself and but an unknown id (-N), and relays the server
 * refuses: to an unknown peer, and to the server itself (1, as Godot refuses it).
 */
export const sceneRelayFlood: Attack = async ({ port }, args) => {
  const durationMs = Number(args.durationMs ?? 3000);
  const size = Number(args.size ?? 1024);
  const ws = await joinScene(port);
  const raw = sceneRaw(Buffer.alloc(size, 7));
  const frames = [
    binary(sceneRelay(0, raw)),
    binary(sceneRelay(-ws.id, raw)),
    binary(sceneRelay(-999_999, raw)),
    binary(sceneRelay(999_999, raw)),
    binary(sceneRelay(1, sceneCall(SCENE_NODE, SCENE_METHOD.note, Buffer.alloc(0), 0))),
    binary(sceneRelay(123_456, raw)),
  ];
  const sent = await pump(
    ws,
    Number.POSITIVE_INFINITY,
    Date.now() + durationMs,
    (i) => frames[i % frames.length] as Buffer,
  );
  const done = await processed(ws);
  const cut = ws.closed;
  ws.destroy();
  return { sent, megabytes: (sent * size) / 2 ** 20, processed: done, cut };
};

/**
 * `count` packets that try to pass as someone else, aimed at the honest clients `targets` ([A, B]):
 * peer announcements to the server and (relayed) to A, a relay nested in a relay claiming B as the
 * source, `pong` calls to A under our own id, authentication data after admission.
 */
export const sceneSpoof: Attack = async ({ port }, args) => {
  const count = Number(args.count ?? 20_000);
  const [a = 0, b = 0] = (args.targets as number[] | undefined) ?? [];
  const ws = await joinScene(port);
  const pong = (n: number): Buffer => sceneCall(SCENE_NODE, SCENE_METHOD.pong, compressedInt(n), 1);
  const frames = [
    binary(sceneSys(1, 424_242)),
    binary(sceneSys(2, b)),
    binary(sceneRelay(a, sceneSys(1, 424_242))),
    binary(sceneRelay(a, sceneRelay(b, pong(1)))),
    binary(sceneRelay(a, pong(2))),
    binary(sceneRelay(0, sceneSys(2, b))),
    binary(sceneRelay(1, sceneRelay(a, pong(3)))),
    binary(sceneAuth(Buffer.from(SCENE_TOKEN))),
    binary(sceneRelay(a, sceneRelay(1, pong(4)))),
  ];
  const sent = await pump(ws, count, Date.now() + 15_000, (i) => frames[i % frames.length] as Buffer);
  const done = await processed(ws);
  const cut = ws.closed;
  ws.destroy();
  return { id: ws.id, sent, processed: done, cut };
};

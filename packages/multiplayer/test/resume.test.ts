/**
 * Reconnect and resume over real sockets, in Node and in Chromium: a `Resume` client in a room of
 * the test server (`POST ${http}/mp-room?grace=..&proxy=1`, an auto-polled wspeer server that
 * echoes every packet to its sender, with a TCP proxy in front) loses its connection mid-stream,
 * by a server-side socket destroy and by a proxy that swallows everything, while packets flow both
 * ways; it comes back with the same id, nothing lost or doubled, and nobody saw it leave.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ErrorCode, nextMessage, opened, State, WebSocketPeer } from 'wspeer';
import { connected, Resume, WebSocketMultiplayerPeer, type Wire } from 'wspeer/multiplayer';

const urls = inject('urls');

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(done: () => boolean, what: string | (() => string), timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(5);
  }
}

/** A fresh room with resume (`grace` seconds) and a TCP proxy in front of it. */
async function openRoom(wire: Wire, grace: number) {
  const response = await fetch(`${urls.http}/mp-room?wire=${wire}&grace=${grace}&proxy=1`, { method: 'POST' });
  const room = (await response.json()) as { url: string; proxyUrl: string; log: string; control: string };
  const log = async (): Promise<string[]> => ((await (await fetch(room.log)).json()) as { events: string[] }).events;
  const control = async (params: string): Promise<{ dropped: boolean; swallowed: number }> =>
    (await fetch(`${room.control}&${params}`, { method: 'POST' })).json();
  return { ...room, log, control };
}

/** A 4-byte packet carrying `n` (a tag byte first, so the Godot 3 RPC layer would ignore it). */
function numbered(tag: number, n: number): Uint8Array {
  return new Uint8Array([tag, n & 255, (n >> 8) & 255, (n >> 16) & 255]);
}
const numberOf = (packet: Uint8Array): number =>
  (packet[1] as number) | ((packet[2] as number) << 8) | ((packet[3] as number) << 16);

/** An auto-polled multiplayer client recording its signals and, per sender and tag, the numbers it received. */
function client(wire: Wire, reconnect: Resume | null = null) {
  const peer = new WebSocketMultiplayerPeer({ wire, autoPoll: true, reconnect });
  cleanup.push(() => peer.close());
  const events: string[] = [];
  const received = new Map<string, number[]>();
  for (const name of ['peer_connected', 'peer_disconnected'] as const) {
    peer.on(name, (id) => events.push(`${name}:${id}`));
  }
  for (const name of ['connection_succeeded', 'connection_failed', 'server_disconnected'] as const) {
    peer.on(name, () => events.push(name));
  }
  peer.on('peer_packet', () => {
    while (peer.getAvailablePacketCount() > 0) {
      const from = peer.getPacketPeer();
      const packet = peer.getPacket();
      const key = `${from}:${packet[0]}`;
      const list = received.get(key) ?? [];
      received.set(key, list);
      list.push(numberOf(packet));
    }
  });
  const got = (from: number, tag: number): number[] => received.get(`${from}:${tag}`) ?? [];
  return { peer, events, got };
}

/** `0, 1, ..., n - 1`. */
const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * Sends `count` numbered packets to `to` (tag `tag`), a few per turn, calling `at(i)` before
 * packet `i` (to drop the link mid-stream). A full outbound queue is waited out, never skipped.
 */
async function stream(
  peer: WebSocketMultiplayerPeer,
  to: number,
  tag: number,
  count: number,
  at: (i: number) => Promise<void> = async () => {},
): Promise<void> {
  for (let i = 0; i < count; ) {
    await at(i);
    peer.setTargetPeer(to);
    const err = peer.putPacket(numbered(tag, i));
    if (err === ErrorCode.OK) i++;
    else expect(err).toBe(ErrorCode.ERR_OUT_OF_MEMORY);
    if (i % 8 === 0 || err !== ErrorCode.OK) await sleep(1);
  }
}

describe.each(['godot3', 'godot4'] as const)('Resume over real sockets (%s wire)', (wire) => {
  it('a client dropped mid-stream (server-side destroy, then a blackholed link) comes back with its id and misses nothing', async () => {
    const room = await openRoom(wire, 5);
    const observer = client(wire);
    expect(observer.peer.createClient(room.url)).toBe(ErrorCode.OK);
    const observerId = await connected(observer.peer, 5000);
    const resume = new Resume({ minDelay: 0.02, maxDelay: 0.2, beatInterval: 0.1 });
    const reconnects: number[] = [];
    resume.on('reconnected', (attempts) => reconnects.push(attempts));
    const mover = client(wire, resume);
    expect(mover.peer.createClient(room.proxyUrl)).toBe(ErrorCode.OK);
    const id = await connected(mover.peer, 5000);
    const N = 600;
    const drops = async (i: number): Promise<void> => {
      if (i === 150) expect((await room.control(`drop=${id}`)).dropped).toBe(true);
      if (i !== 350) return;
      await waitUntil(() => reconnects.length === 1, 'the first resume');
      expect((await room.control('blackhole=1')).swallowed).toBeGreaterThan(0);
    };
    // Both ways at once: the mover streams to the server (which echoes), and on the Godot 3 wire
    // the observer streams to the mover through the relay while the mover streams to the observer.
    const streams = [stream(mover.peer, 1, 7, N, drops)];
    if (wire === 'godot3') streams.push(stream(mover.peer, observerId, 8, N), stream(observer.peer, id, 9, N));
    await Promise.all(streams);
    await waitUntil(
      () =>
        mover.got(1, 7).length >= N &&
        (wire === 'godot4' || (mover.got(observerId, 9).length >= N && observer.got(id, 8).length >= N)),
      () =>
        `every packet (mover got ${mover.got(1, 7).length} echoes, ${mover.got(observerId, 9).length} relayed; ` +
        `observer got ${observer.got(id, 8).length}; mover ${mover.events.join(' ')}; reconnects ${reconnects})`,
    );
    await sleep(50); // anything doubled would arrive by now
    expect(mover.got(1, 7)).toEqual(upTo(N)); // echoes: server -> mover, each once, in order
    const serverSaw = (await room.log()).filter((e) => e.startsWith(`packet:${id}:07`));
    expect(serverSaw.map((e) => numberOf(hexBytes(e.split(':')[2] as string)))).toEqual(upTo(N));
    if (wire === 'godot3') {
      expect(mover.got(observerId, 9)).toEqual(upTo(N));
      expect(observer.got(id, 8)).toEqual(upTo(N));
    }
    expect(mover.peer.getUniqueId()).toBe(id);
    expect(reconnects.length).toBeGreaterThanOrEqual(2);
    expect(mover.events).not.toContain('server_disconnected');
    expect(observer.events).not.toContain(`peer_disconnected:${id}`);
    expect(await room.log()).not.toContain(`disconnected:${id}`);
  });
});

function hexBytes(hex: string): Uint8Array {
  return new Uint8Array((hex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));
}

describe('Resume: grace, tokens, queueing', () => {
  it('once the grace expires the others see exactly one leave, and the stale token is refused (new id)', async () => {
    const room = await openRoom('godot3', 0.3);
    const observer = client('godot3');
    observer.peer.createClient(room.url);
    await connected(observer.peer, 5000);
    // The first attempt waits a minute: the grace runs out first.
    const resume = new Resume({ minDelay: 60, jitter: 0, beatInterval: 0.1 });
    const mover = client('godot3', resume);
    mover.peer.createClient(room.url);
    const id = await connected(mover.peer, 5000);
    await waitUntil(() => observer.events.includes(`peer_connected:${id}`), 'the observer to see the mover');
    expect((await room.control(`drop=${id}`)).dropped).toBe(true);
    await waitUntil(() => resume.isReconnecting, 'the reconnect to wait');
    // While it reconnects, sends are queued (status stays connected) until the outbound limit.
    mover.peer.setTargetPeer(1);
    let queued = 0;
    let err: ErrorCode = ErrorCode.OK;
    while (err === ErrorCode.OK && queued < 100_000) {
      err = mover.peer.putPacket(new Uint8Array(1000));
      if (err === ErrorCode.OK) queued++;
    }
    expect(err).toBe(ErrorCode.ERR_OUT_OF_MEMORY);
    expect(queued).toBeGreaterThan(10);
    expect(mover.events).not.toContain('server_disconnected');
    await waitUntil(() => observer.events.includes(`peer_disconnected:${id}`), 'the grace to expire');
    resume.retryNow();
    await waitUntil(() => mover.events.includes('server_disconnected'), 'the stale resume to be refused');
    // The Godot 3 wire sends the new id and the server's announcement as two messages, and a browser may poll
    // between them: wait for the new session itself (connection_succeeded follows the announcement), not its id.
    const successes = () => mover.events.filter((e) => e === 'connection_succeeded').length;
    await waitUntil(() => successes() === 2, 'the new session');
    expect(mover.peer.getUniqueId()).toBeGreaterThan(1);
    expect(mover.peer.getUniqueId()).not.toBe(id);
    const log = await room.log();
    expect(log.filter((e) => e === `disconnected:${id}`)).toHaveLength(1);
    expect(observer.events.filter((e) => e === `peer_disconnected:${id}`)).toHaveLength(1);
    // What was queued for the old session was not delivered to the new one.
    expect(log.filter((e) => e.startsWith(`packet:${mover.peer.getUniqueId()}:`))).toHaveLength(0);
  });

  it('a forged token gets a new session; a used token works until the resume is confirmed, then never again', async () => {
    const room = await openRoom('godot3', 5);
    const observer = client('godot3');
    observer.peer.createClient(room.url);
    await connected(observer.peer, 5000);
    // Speak the extension by hand: offer it, read the token and our id.
    const first = await rawSession(`${room.url}?wspeer-resume=1`);
    expect(first.text).toMatch(/^t[0-9a-f]{32}$/);
    const token = first.text.slice(1);
    const id = first.id;
    const forged = await rawSession(`${room.url}?wspeer-resume=${id}.${'0'.repeat(32)}.${first.binaries}`);
    expect(forged.text).toMatch(/^t[0-9a-f]{32}$/); // a new session...
    expect(forged.id).not.toBe(id); // ...with another id
    forged.peer.close(-1);
    expect((await room.control(`drop=${id}`)).dropped).toBe(true);
    await waitUntil(() => first.peer.readyState === State.CLOSED, 'the drop');
    const resumeUrl = `${room.url}?wspeer-resume=${id}.${token}.${first.binaries}`;
    // Resumed ("r0": the server had none of our messages), but the answer is "lost": no confirmation.
    const lost = await rawSession(resumeUrl, false);
    expect(lost.text, 'the first resume').toMatch(/^r0\.[0-9a-f]{32}$/);
    lost.peer.close(-1);
    // So the token we have still works, once: this time we confirm (an acknowledgement).
    const back = await rawSession(resumeUrl, false);
    expect(back.text, 'the second resume').toMatch(/^r0\.[0-9a-f]{32}$/);
    back.peer.sendText(`a${first.binaries}`);
    expect(await nextText(back.peer)).toBe('a0'); // the server answers each acknowledgement
    // Now neither the used token nor the one from the lost answer resumes: new sessions, new ids.
    for (const stale of [token, lost.text.split('.')[1]]) {
      const again = await rawSession(`${room.url}?wspeer-resume=${id}.${stale}.${first.binaries}`);
      expect(again.text).toMatch(/^t[0-9a-f]{32}$/);
      expect(again.id).not.toBe(id);
      again.peer.close(-1);
    }
    back.peer.close(-1);
    expect(observer.events).not.toContain(`peer_disconnected:${id}`);
  });
});

/**
 * A raw `WebSocketPeer` connection to a room: its first message (a text frame: the extension's
 * `t<token>` or `r<count>.<token>`) and, for a new session (`welcome`), the id from the SYS_ID that
 * follows, and how many binary messages it had when that id came.
 */
async function rawSession(url: string, welcome = true) {
  const peer = new WebSocketPeer({ autoPoll: true });
  cleanup.push(() => peer.close(-1));
  expect(peer.connectToUrl(url)).toBe(ErrorCode.OK);
  await opened(peer, 5000);
  const text = await nextMessage(peer, 5000);
  if (typeof text !== 'string') throw new Error('expected a text frame first');
  let id = 0;
  let binaries = 0;
  while (welcome && id === 0) {
    const message = (await nextMessage(peer, 5000)) as Uint8Array;
    binaries++;
    if (message[0] === 3) id = new DataView(message.buffer, message.byteOffset).getInt32(9, true);
  }
  return { peer, text, id, binaries };
}

/** The next text message of `peer` (binary ones, replayed packets, are skipped). */
async function nextText(peer: WebSocketPeer): Promise<string> {
  for (;;) {
    const message = await nextMessage(peer, 5000);
    if (typeof message === 'string') return message;
  }
}

/**
 * `Reconnect` over real sockets, in Node and in Chromium: a `WebSocketPeer` / `WebSocketClient`
 * whose server drops it comes back by itself; attempts back off exponentially up to a limit; `stop()`
 * ends it; a normal close is final; `online` and `visibilitychange` start a waiting attempt at once.
 * A multiplayer client with a plain `Reconnect` starts a new session (new id) after a drop.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { closed, ErrorCode, nextMessage, opened, Reconnect, State, WebSocketClient, WebSocketPeer } from 'wspeer';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';

const urls = inject('urls');
const dead = `ws://127.0.0.1:${urls.deadPort}/`;

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function waitUntil(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A `Reconnect` recording its signals as `reconnecting:<attempt>:<delay>`, `reconnected:<n>`, `reconnect_failed:<n>`. */
function recorded(options: ConstructorParameters<typeof Reconnect>[0]) {
  const reconnect = new Reconnect(options);
  cleanup.push(() => reconnect.stop());
  const events: string[] = [];
  reconnect.on('reconnecting', (attempt, delay) => events.push(`reconnecting:${attempt}:${delay}`));
  reconnect.on('reconnected', (attempts) => events.push(`reconnected:${attempts}`));
  reconnect.on('reconnect_failed', (attempts) => events.push(`reconnect_failed:${attempts}`));
  return { reconnect, events };
}

function peerWith(reconnect: Reconnect): WebSocketPeer {
  const peer = new WebSocketPeer({ autoPoll: true, reconnect });
  cleanup.push(() => peer.close(-1));
  return peer;
}

describe('Reconnect', () => {
  it('brings a dropped WebSocketPeer back (jittered delay within its bounds); sends in between return FAILED', async () => {
    const { reconnect, events } = recorded({ minDelay: 0.05, jitter: 0.5 });
    const peer = peerWith(reconnect);
    expect(peer.connectToUrl(`${urls.rawEcho}?id=reconnect-peer`)).toBe(ErrorCode.OK);
    await opened(peer, 5000);
    expect(peer.sendText('!drop')).toBe(ErrorCode.OK); // the server destroys the socket
    await waitUntil(() => events.length > 0, 'the drop');
    const [name, attempt, delay] = (events[0] as string).split(':');
    expect([name, attempt]).toEqual(['reconnecting', '1']);
    expect(Number(delay)).toBeGreaterThanOrEqual(0.025);
    expect(Number(delay)).toBeLessThanOrEqual(0.05);
    expect(peer.readyState === State.OPEN).toBe(false);
    expect(peer.sendText('lost?')).toBe(ErrorCode.FAILED);
    await waitUntil(() => events.includes('reconnected:1'), 'the reconnect');
    expect(peer.readyState).toBe(State.OPEN);
    expect(peer.sendText('back')).toBe(ErrorCode.OK);
    expect(await nextMessage(peer, 5000)).toBe('back');
    expect(reconnect.attempts).toBe(0);
  });

  it('a WebSocketClient reports the drop and the new connection with its usual signals', async () => {
    const { reconnect, events } = recorded({ minDelay: 0.01 });
    const client = new WebSocketClient({ autoPoll: true, reconnect });
    cleanup.push(() => client.disconnectFromHost(-1));
    const signals: string[] = [];
    client.on('connection_established', () => signals.push('established'));
    client.on('connection_closed', (clean) => signals.push(`closed:${clean}`));
    expect(client.connectToUrl(`${urls.rawEcho}?id=reconnect-client`)).toBe(ErrorCode.OK);
    await opened(client, 5000);
    client.getPeer(1)?.sendText('!drop');
    await waitUntil(() => signals.length === 3, 'established, closed, established');
    expect(signals).toEqual(['established', 'closed:false', 'established']);
    expect(events.map((e) => e.split(':').slice(0, 2).join(':'))).toEqual(['reconnecting:1', 'reconnected:1']);
  });

  it('backs off exponentially while attempts fail, then gives up with reconnect_failed', async () => {
    const { reconnect, events } = recorded({ minDelay: 0.01, factor: 2, jitter: 0, maxAttempts: 3 });
    const peer = peerWith(reconnect);
    expect(peer.connectToUrl(dead)).toBe(ErrorCode.OK);
    await waitUntil(() => events.includes('reconnect_failed:3'), 'the retry limit');
    expect(events).toEqual(['reconnecting:1:0.01', 'reconnecting:2:0.02', 'reconnecting:3:0.04', 'reconnect_failed:3']);
    expect(reconnect.isReconnecting).toBe(false);
    expect(peer.readyState).toBe(State.CLOSED);
  });

  it('stop() cancels the waiting attempt; a normal close is never retried', async () => {
    const { reconnect, events } = recorded({ minDelay: 0.05, jitter: 0 });
    const peer = peerWith(reconnect);
    expect(peer.connectToUrl(dead)).toBe(ErrorCode.OK);
    await waitUntil(() => reconnect.isReconnecting, 'the first attempt to wait');
    reconnect.stop();
    expect(reconnect.isReconnecting).toBe(false);
    expect(reconnect.enabled).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200)); // four delays: nothing may follow
    expect(events).toEqual(['reconnecting:1:0.05']);

    reconnect.enabled = true;
    expect(peer.connectToUrl(`${urls.rawEcho}?id=reconnect-normal`)).toBe(ErrorCode.OK);
    await opened(peer, 5000);
    peer.sendText('!close 1000 bye');
    await closed(peer, 5000);
    expect(peer.closeCode).toBe(1000);
    expect(reconnect.isReconnecting).toBe(false);
    expect(events).toEqual(['reconnecting:1:0.05']);
  });

  it('online and visibilitychange start a waiting attempt at once', async () => {
    const page = browserEvents();
    cleanup.push(page.restore);
    const { reconnect, events } = recorded({ minDelay: 60, maxDelay: 1000, jitter: 0, maxAttempts: 5 });
    const peer = peerWith(reconnect);
    expect(peer.connectToUrl(dead)).toBe(ErrorCode.OK);
    await waitUntil(() => events.length === 1, 'the first attempt to wait');
    page.window.dispatchEvent(new Event('online'));
    await waitUntil(() => events.length === 2, 'the attempt started by online (it fails again)');
    page.document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => events.length === 3, 'the attempt started by visibilitychange');
    expect(events).toEqual(['reconnecting:1:60', 'reconnecting:2:120', 'reconnecting:3:240']);
  });

  it('a multiplayer client with a plain Reconnect starts a new session with a new id after a drop', async () => {
    const room = (await (await fetch(`${urls.http}/mp-room?wire=godot3`, { method: 'POST' })).json()) as {
      url: string;
      control: string;
    };
    const { reconnect, events } = recorded({ minDelay: 0.01 });
    const peer = new WebSocketMultiplayerPeer({ autoPoll: true, reconnect });
    cleanup.push(() => peer.close());
    const signals: string[] = [];
    peer.on('connection_succeeded', () => signals.push('succeeded'));
    peer.on('server_disconnected', () => signals.push('server_disconnected'));
    expect(peer.createClient(room.url)).toBe(ErrorCode.OK);
    const first = await connected(peer, 5000);
    await fetch(`${room.control}&drop=${first}`, { method: 'POST' });
    await waitUntil(() => signals.length === 3, 'the new session');
    expect(signals).toEqual(['succeeded', 'server_disconnected', 'succeeded']);
    expect(peer.getUniqueId()).not.toBe(first);
    expect(events.map((e) => e.split(':').slice(0, 2).join(':'))).toEqual(['reconnecting:1', 'reconnected:1']);
  });
});

/**
 * The page's `window` and `document` as event targets: the real ones in a browser; in Node, stand-ins
 * put on `globalThis` (where `Reconnect` looks for them) until `restore()`.
 */
function browserEvents() {
  const g = globalThis as unknown as Record<string, unknown>;
  if (typeof g.document === 'object' && typeof g.dispatchEvent === 'function') {
    return {
      window: globalThis as unknown as EventTarget,
      document: g.document as EventTarget,
      restore: () => {},
    };
  }
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  g.addEventListener = window.addEventListener.bind(window);
  g.removeEventListener = window.removeEventListener.bind(window);
  g.document = document;
  return {
    window,
    document,
    restore: () => {
      delete g.addEventListener;
      delete g.removeEventListener;
      delete g.document;
    },
  };
}

import { describe, expect, inject, it } from 'vitest';
import { closed, defaultAdapter, opened, State, WebSocketPeer } from 'wspeer';

const inBrowser = typeof window !== 'undefined';

describe('export conditions', () => {
  it('resolve the adapter of the runtime (browser condition in Chromium, node condition in Node)', () => {
    expect(defaultAdapter).toBe(inBrowser ? 'browser' : 'node-ws');
  });

  it('carry a real connection over that adapter', async () => {
    const peer = new WebSocketPeer({ autoPoll: true });
    expect(peer.connectToUrl(`${inject('urls').rawEcho}?id=adapter`)).toBe(0);
    await opened(peer, 5000);
    expect(peer.adapter).toBe(inBrowser ? 'browser' : 'node-ws');
    expect(peer.readyState).toBe(State.OPEN);
    peer.close();
    await closed(peer, 5000);
  });
});

import {
  CloseCode,
  closed,
  ErrorCode,
  FullWebSocketPeer,
  LoopbackNetwork,
  nextMessage,
  opened,
  State,
  type Transport,
  type TransportConnector,
  WebSocketClient,
  WebSocketPeer,
  WriteMode,
} from '@wspeer/core';
import { describe, expect, it, vi } from 'vitest';
import { loopbackPair, settle, tick } from './loopback.js';

/** The network of the last `openPair`, for connectors that wrap its `connect`. */
let network: LoopbackNetwork;

async function openPair(options: ConstructorParameters<typeof WebSocketPeer>[0] = {}) {
  const pair = await loopbackPair({ inboundBufferSize: 1 << 20 });
  network = pair.net;
  const peer = pair.client(options);
  expect(peer.connectToUrl(pair.url)).toBe(ErrorCode.OK);
  await settle([peer, pair.server], () => peer.readyState === State.OPEN && pair.server.getPeerIds().length === 1);
  const remote = pair.server.getPeer(pair.server.getPeerIds()[0] as number) as WebSocketPeer;
  return { ...pair, peer, remote };
}

describe('WebSocketPeer is poll-driven', () => {
  it('changes state and delivers packets only inside poll()', async () => {
    const { peer, remote } = await openPair();
    remote.sendText('one');
    remote.sendText('two');
    await tick(10);
    expect(peer.getAvailablePacketCount()).toBe(0);
    peer.poll();
    expect(peer.getAvailablePacketCount()).toBe(2);
    expect(peer.getMessage()).toBe('one');
    expect(peer.getMessage()).toBe('two');
    expect(peer.getMessage()).toBeNull();
  });

  it('stays CONNECTING until a poll applies the open event', async () => {
    const pair = await loopbackPair();
    const peer = pair.client();
    peer.connectToUrl(pair.url);
    await tick(10);
    expect(peer.readyState).toBe(State.CONNECTING);
    peer.poll();
    expect(peer.readyState).toBe(State.OPEN);
  });

  it('polls by itself with autoPoll, without timers', async () => {
    const pair = await loopbackPair({ autoPoll: true });
    const peer = pair.client({ autoPoll: true });
    peer.connectToUrl(pair.url);
    expect(await opened(peer, 1000)).toBe('');
    const id = pair.server.getPeerIds()[0] as number;
    pair.server.getPeer(id)?.sendText('hi');
    expect(await nextMessage(peer, 1000)).toBe('hi');
  });

  it('writes every send of one event-loop turn in one transport call', async () => {
    const opened: Transport[] = [];
    const { peer, remote } = await openPair({
      connect: (url, options, events) => {
        const transport = network.connect(url, options, events);
        opened.push(transport);
        return transport;
      },
    });
    const transport = opened[0] as Transport;
    const spy = vi.spyOn(transport, 'sendMany');
    for (let i = 0; i < 50; i++) peer.sendText(`m${i}`);
    expect(spy).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[1]).toBe(50);
    peer.sendText('lone');
    await Promise.resolve();
    expect(spy).toHaveBeenCalledTimes(2);
    await settle([remote], () => remote.getAvailablePacketCount() === 51);
  });
});

describe('WebSocketPeer limits', () => {
  it('returns ERR_OUT_OF_MEMORY past outboundBufferSize and loses nothing already queued', async () => {
    const { peer, remote } = await openPair({ outboundBufferSize: 10 });
    expect(peer.send(new Uint8Array(6).fill(1))).toBe(ErrorCode.OK);
    expect(peer.getCurrentOutboundBufferedAmount()).toBe(6);
    expect(peer.send(new Uint8Array(5).fill(2))).toBe(ErrorCode.ERR_OUT_OF_MEMORY);
    expect(peer.send(new Uint8Array(4).fill(3))).toBe(ErrorCode.OK);
    expect(peer.send(new Uint8Array(1))).toBe(ErrorCode.ERR_OUT_OF_MEMORY);
    await settle([remote], () => remote.getAvailablePacketCount() === 2);
    expect(Array.from(remote.getPacket())).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(remote.getPacket())).toEqual([3, 3, 3, 3]);
    expect(peer.send(new Uint8Array(10))).toBe(ErrorCode.OK);
  });

  it('writes a turn of more than maxQueuedPackets early instead of refusing it (the batch stays bounded)', async () => {
    const { peer, remote } = await openPair({ maxQueuedPackets: 3 });
    for (let i = 0; i < 7; i++) expect(peer.sendText(`${i}`)).toBe(ErrorCode.OK);
    await settle([remote], () => remote.getAvailablePacketCount() === 7);
    expect(Array.from({ length: 7 }, () => remote.getMessage())).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('counts only bytes the network has not taken: a receiver that stops reading fills it', async () => {
    const { peer, remote } = await openPair({ outboundBufferSize: 1000 });
    const gone = new Uint8Array(600);
    expect(peer.send(gone)).toBe(ErrorCode.OK);
    expect(peer.send(gone)).toBe(ErrorCode.ERR_OUT_OF_MEMORY);
    await settle([remote], () => remote.getAvailablePacketCount() === 1);
    expect(peer.send(gone)).toBe(ErrorCode.OK);
  });

  it('fails the connection with 1009 "Message too big" when a message exceeds inboundBufferSize', async () => {
    const { peer, remote } = await openPair({ inboundBufferSize: 100 });
    remote.send(new Uint8Array(101));
    await settle([peer, remote], () => peer.readyState === State.CLOSED && remote.readyState === State.CLOSED);
    expect(peer.closeCode).toBe(CloseCode.MESSAGE_TOO_BIG);
    expect(peer.closeReason).toBe('Message too big');
    expect(peer.lastErrorMessage).toBe('Max payload size exceeded'); // the transport's words stay the error message
    expect(remote.closeCode).toBe(CloseCode.MESSAGE_TOO_BIG);
  });

  it('accepts a message of exactly inboundBufferSize bytes', async () => {
    const { peer, remote } = await openPair({ inboundBufferSize: 100 });
    remote.send(new Uint8Array(100));
    await settle([peer], () => peer.getAvailablePacketCount() === 1);
    expect(peer.getPacket().byteLength).toBe(100);
  });
});

describe('WebSocketPeer close', () => {
  it.each([999, 1004, 1005, 1006, 1015, 2999, 5000, 3000.5])(
    'refuses close code %d with ERR_INVALID_PARAMETER',
    async (code) => {
      const { peer } = await openPair();
      expect(peer.close(code)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
      expect(peer.readyState).toBe(State.OPEN);
    },
  );

  it('refuses a reason over 123 UTF-8 bytes and accepts 123', async () => {
    const { peer } = await openPair();
    expect(peer.close(1000, 'é'.repeat(62))).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(peer.close(1000, 'x'.repeat(123))).toBe(ErrorCode.OK);
    expect(peer.readyState).toBe(State.CLOSING);
  });

  it('sends queued messages before the close frame', async () => {
    const { peer, remote } = await openPair();
    peer.sendText('last words');
    peer.close(4000, 'done');
    await settle([peer, remote], () => remote.readyState === State.CLOSED);
    expect(remote.getMessage()).toBe('last words');
    expect(remote.closeCode).toBe(4000);
    expect(remote.closeReason).toBe('done');
  });

  it('drops at once without a close frame on a negative code', async () => {
    const { peer, remote } = await openPair();
    expect(peer.close(-1)).toBe(ErrorCode.OK);
    expect(peer.readyState).toBe(State.CLOSED);
    expect(peer.closeCode).toBe(-1);
    await settle([remote], () => remote.readyState === State.CLOSED);
    expect(remote.closeCode).toBe(-1);
  });

  it('closes at once while CONNECTING', async () => {
    const pair = await loopbackPair();
    const peer = pair.client();
    peer.connectToUrl(pair.url);
    expect(peer.close()).toBe(ErrorCode.OK);
    expect(peer.readyState).toBe(State.CLOSED);
    expect(peer.closeCode).toBe(-1);
    await tick(10);
    peer.poll();
    expect(peer.readyState).toBe(State.CLOSED);
  });

  it('removes one trailing NUL from received reasons (Godot 3 sends one)', async () => {
    const { peer, remote } = await openPair();
    remote.close(4001, 'bye\0');
    await settle([peer], () => peer.readyState === State.CLOSED);
    expect(peer.closeReason).toBe('bye');
  });

  it('can reconnect after closing, ignoring the old socket', async () => {
    const { peer, url, remote } = await openPair();
    peer.close(-1);
    expect(peer.connectToUrl(url)).toBe(ErrorCode.OK);
    remote.sendText('from the old connection');
    await settle([peer], () => peer.readyState === State.OPEN);
    await tick(10);
    peer.poll();
    expect(peer.getAvailablePacketCount()).toBe(0);
  });
});

describe('WebSocketPeer errors are codes, not exceptions', () => {
  it('FAILED before OPEN and after CLOSED; ERR_ALREADY_IN_USE while connected', async () => {
    const { peer, url } = await openPair();
    expect(peer.connectToUrl(url)).toBe(ErrorCode.ERR_ALREADY_IN_USE);
    peer.close(-1);
    expect(peer.sendText('x')).toBe(ErrorCode.FAILED);
    expect(peer.putPacket(new Uint8Array(1))).toBe(ErrorCode.FAILED);
  });

  it('refuses invalid UTF-8 in text write mode', async () => {
    const { peer } = await openPair();
    expect(peer.send(new Uint8Array([0xff, 0xfe]), WriteMode.TEXT)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    peer.setWriteMode(WriteMode.TEXT);
    expect(peer.getWriteMode()).toBe(WriteMode.TEXT);
    expect(peer.putPacket(new TextEncoder().encode('ok'))).toBe(ErrorCode.OK);
  });

  it('throws only for misconfiguration: no transport', () => {
    expect(() => new WebSocketPeer().connectToUrl('ws://x/')).toThrow(/no transport/);
  });

  it('rejects opened() with ERR_CANT_CONNECT when nothing listens, and times out cleanly', async () => {
    const net = new LoopbackNetwork();
    const peer = new WebSocketPeer({ connect: net.connect, autoPoll: true });
    peer.connectToUrl('ws://loopback:1/');
    await expect(opened(peer, 1000)).rejects.toMatchObject({ code: ErrorCode.ERR_CANT_CONNECT, closeCode: -1 });
    await expect(nextMessage(new WebSocketPeer({ connect: net.connect }))).rejects.toMatchObject({
      code: ErrorCode.ERR_CANT_CONNECT,
    });
    const { peer: idle } = await openPair({ autoPoll: true });
    await expect(nextMessage(idle, 20)).rejects.toMatchObject({ code: ErrorCode.ERR_TIMEOUT });
    await expect(nextMessage(idle, 20)).rejects.toThrow(/^ERR_TIMEOUT: timed out after 20 ms waiting for a message$/);
    await expect(opened(new WebSocketPeer({ connect: net.connect }))).rejects.toThrow(/^ERR_CANT_CONNECT: /);
  });

  it('waits through imported functions: on a peer, on a client holding one, several at once, settled by poll()', async () => {
    const pair = await loopbackPair({ autoPoll: true });
    const client = new WebSocketClient({ connect: pair.net.connect });
    expect(client.connectToUrl(pair.url)).toBe(ErrorCode.OK);
    // Two waits on the same connection (through the client and through its peer): a poll settles both.
    const waits = Promise.all([opened(client, 1000), opened(client.getPeer(1) as WebSocketPeer, 1000)]);
    await settle([client], () => client.getPeer(1)?.readyState === State.OPEN);
    expect(await waits).toEqual(['', '']);
    const id = pair.server.getPeerIds()[0] as number;
    pair.server.getPeer(id)?.sendText('hi');
    let message: unknown = null;
    void nextMessage(client, 1000).then((m) => {
      message = m;
    });
    await settle([client], () => message !== null);
    expect(message).toBe('hi');
    const ended = closed(client, 1000);
    pair.server.getPeer(id)?.close(4000, 'bye');
    await settle([client, pair.server], () => client.getPeer(1)?.readyState === State.CLOSED);
    expect(await ended).toEqual({ code: 4000, reason: 'bye', wasClean: true });
  });

  it('rejects a wait on a holder without a connection with ERR_UNCONFIGURED', async () => {
    const holder = { getPeer: (): WebSocketPeer | null => null };
    await expect(opened(holder)).rejects.toMatchObject({ code: ErrorCode.ERR_UNCONFIGURED });
    await expect(closed(holder, 10)).rejects.toThrow(
      /^ERR_UNCONFIGURED: no connection to wait for the connection to close$/,
    );
  });
});

describe('WebSocketPeer heartbeat', () => {
  it('keeps a connection whose other side answers pings, over many intervals', async () => {
    const { peer, remote } = await openPair({ heartbeatInterval: 0.01, autoPoll: true });
    await tick(120);
    peer.poll();
    expect(peer.readyState).toBe(State.OPEN);
    peer.sendText('alive');
    await settle([remote], () => remote.getAvailablePacketCount() === 1);
    peer.close();
  });
});

describe('WebSocketPeer and FullWebSocketPeer', () => {
  it('WebSocketClient builds the peer its connector names (the loopback and Node: the full one)', () => {
    const net = new LoopbackNetwork();
    const plain: TransportConnector = (url, options, events) => net.connect(url, options, events);
    expect(new WebSocketClient({ connect: net.connect }).getPeer(1)).toBeInstanceOf(FullWebSocketPeer);
    const peer = new WebSocketClient({ connect: plain }).getPeer(1);
    expect(peer).toBeInstanceOf(WebSocketPeer);
    expect(peer).not.toBeInstanceOf(FullWebSocketPeer);
  });

  it('the plain peer (what browsers get) cannot serve, ping or tell the address: neutral values, one warning each', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const pair = await loopbackPair();
      const peer = new WebSocketPeer({ connect: pair.net.connect, heartbeatInterval: 0.01 });
      expect(peer.setNoDelay(true)).toBe(ErrorCode.ERR_UNCONFIGURED); // (not connected: nothing to set)
      expect(warn).not.toHaveBeenCalled();
      expect(peer.getConnectedHost()).toBe('');
      peer.connectToUrl(pair.url);
      await settle([peer, pair.server], () => peer.readyState === State.OPEN);
      expect(peer.getConnectedHost()).toBe('');
      expect(peer.getConnectedPort()).toBe(0);
      expect(peer.setNoDelay(true)).toBe(ErrorCode.ERR_UNAVAILABLE);
      const pending = { url: pair.url } as Parameters<WebSocketPeer['acceptStream']>[0];
      expect(peer.acceptStream(pending)).toBe(ErrorCode.ERR_UNAVAILABLE);
      await tick(60); // six heartbeat intervals: the plain peer never pings, so it is not dropped
      peer.poll();
      peer.poll();
      expect(peer.readyState).toBe(State.OPEN);
      expect(peer.getConnectedHost()).toBe('');
      const said = warn.mock.calls.map((call) => String(call[0])).sort();
      expect(said).toEqual(
        ['acceptStream', 'getConnectedHost', 'getConnectedPort', 'heartbeatInterval', 'setNoDelay'].map(
          (what) => `[wspeer] ${what}: not in browsers.`,
        ),
      );
      peer.close();
    } finally {
      warn.mockRestore();
    }
  });

  it('the full peer pauses reading while its inbound queue is full and resumes once half of it is read', async () => {
    const pair = await loopbackPair();
    const peer = pair.client({ maxQueuedPackets: 4 });
    peer.connectToUrl(pair.url);
    await settle([peer, pair.server], () => peer.readyState === State.OPEN && pair.server.getPeerIds().length === 1);
    const remote = pair.server.getPeer(pair.server.getPeerIds()[0] as number) as WebSocketPeer;
    for (let i = 0; i < 10; i++) remote.sendText(String(i));
    await tick(20);
    peer.poll();
    expect(peer.getAvailablePacketCount()).toBe(4); // paused at 4: the other 6 wait in the network
    const got: string[] = [];
    await settle([peer], () => {
      while (peer.getAvailablePacketCount() > 0) got.push(peer.getMessage() as string);
      return got.length === 10;
    });
    expect(got).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    peer.close();
  });
});

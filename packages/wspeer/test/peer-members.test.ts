import { fetchLog, pollUntil, sleep, uniqueId } from '@wspeer/test-kit';
import { describe, expect, inject, it } from 'vitest';
import { CloseCode, ErrorCode, State, WebSocketPeer } from 'wspeer';

const urls = inject('urls');
const inBrowser = typeof window !== 'undefined';

async function open(url: string, options: ConstructorParameters<typeof WebSocketPeer>[0] = {}) {
  const peer = new WebSocketPeer(options);
  expect(peer.connectToUrl(url)).toBe(ErrorCode.OK);
  await pollUntil(peer, () => peer.readyState !== State.CONNECTING, 'open');
  expect(peer.readyState).toBe(State.OPEN);
  return peer;
}

describe('WebSocketPeer members over real sockets', () => {
  it('reports the requested URL, selected protocol and outbound buffered amount', async () => {
    const url = `${urls.rawEcho}?id=${uniqueId()}`;
    const peer = await open(url, { supportedProtocols: ['chat', 'superchat'] });
    expect(peer.getRequestedUrl()).toBe(url);
    expect(peer.getSelectedProtocol()).toBe('chat');
    expect(peer.getCurrentOutboundBufferedAmount()).toBe(0);
    peer.send(new Uint8Array(1000));
    expect(peer.getCurrentOutboundBufferedAmount()).toBeGreaterThanOrEqual(1000);
    await pollUntil(peer, () => peer.getAvailablePacketCount() === 1, 'echo');
    peer.close();
    expect(peer.getCurrentOutboundBufferedAmount()).toBe(0);
  });

  it('tells the remote host and port and sets no-delay in Node; neutral values in browsers', async () => {
    const peer = await open(`${urls.rawEcho}?id=${uniqueId()}`);
    if (inBrowser) {
      expect(peer.getConnectedHost()).toBe('');
      expect(peer.getConnectedPort()).toBe(0);
      expect(peer.setNoDelay(true)).toBe(ErrorCode.ERR_UNAVAILABLE);
    } else {
      expect(peer.getConnectedHost()).toBe('127.0.0.1');
      expect(peer.getConnectedPort()).toBe(Number(new URL(urls.http).port));
      expect(peer.setNoDelay(false)).toBe(ErrorCode.OK);
    }
    peer.close();
  });

  it('closes with 1009 "Message too big" when the server sends more than inboundBufferSize', async () => {
    const id = uniqueId();
    const peer = await open(`${urls.rawEcho}?id=${id}`, { inboundBufferSize: 100 });
    peer.sendText('!big 100');
    await pollUntil(peer, () => peer.getAvailablePacketCount() === 1, 'a message of exactly the limit');
    expect(peer.getPacket().byteLength).toBe(100);
    peer.sendText('!big 101');
    await pollUntil(peer, () => peer.readyState === State.CLOSED, 'the oversized message to close the connection');
    expect(peer.closeCode).toBe(CloseCode.MESSAGE_TOO_BIG);
    expect(peer.closeReason).toBe('Message too big');
    let log = await fetchLog(urls.http, id);
    for (let i = 0; i < 50 && !log?.closed; i++) {
      await sleep(20);
      log = await fetchLog(urls.http, id);
    }
    // Browsers may only send 1000 or 3000-4999: they close with 1000 and the same reason.
    expect(log?.closed?.code).toBe(inBrowser ? 1000 : 1009);
  });

  it('stays connected to a server that pings every 100 ms (browsers answer pings themselves)', async () => {
    const peer = await open(urls.wspeerHeartbeat);
    await sleep(1000); // five heartbeat intervals: a peer that did not answer would be gone after two
    peer.poll();
    expect(peer.readyState).toBe(State.OPEN);
    peer.sendText('alive');
    await pollUntil(peer, () => peer.getAvailablePacketCount() === 1, 'echo after pings');
    expect(peer.getMessage()).toBe('alive');
    peer.close();
  });
});

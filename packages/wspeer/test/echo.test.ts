import { fetchLog, pollUntil, uniqueId } from '@wspeer/test-kit';
import { describe, expect, inject, it } from 'vitest';
import { ErrorCode, State, WebSocketPeer } from 'wspeer';

const urls = inject('urls');
const servers = [
  ['raw ws echo', urls.rawEcho],
  ['wspeer echo', urls.wspeerEcho],
] as const;

async function open(url: string): Promise<WebSocketPeer> {
  const peer = new WebSocketPeer();
  expect(peer.connectToUrl(url)).toBe(ErrorCode.OK);
  expect(peer.readyState).toBe(State.CONNECTING);
  await pollUntil(peer, () => peer.readyState !== State.CONNECTING, 'open');
  expect(peer.readyState).toBe(State.OPEN);
  return peer;
}

describe.each(servers)('WebSocketPeer against the %s', (_name, base) => {
  it('echoes text, including non-ASCII, as text frames', async () => {
    const peer = await open(`${base}?id=${uniqueId()}`);
    const text = 'héllo wörld ✓ 🎮 日本';
    expect(peer.sendText(text)).toBe(ErrorCode.OK);
    expect(peer.getAvailablePacketCount()).toBe(0);
    await pollUntil(peer, () => peer.getAvailablePacketCount() === 1, 'text echo');
    const packet = peer.getPacket();
    expect(peer.wasStringPacket()).toBe(true);
    expect(new TextDecoder().decode(packet)).toBe(text);
    expect(peer.getPacketError()).toBe(ErrorCode.OK);
    peer.close();
  });

  it('echoes binary with 0x00 and 0xFF bytes as binary frames', async () => {
    const peer = await open(`${base}?id=${uniqueId()}`);
    const bytes = new Uint8Array([0, 1, 2, 127, 128, 254, 255, 0]);
    expect(peer.send(bytes)).toBe(ErrorCode.OK);
    expect(peer.putPacket(new Uint8Array([255, 0, 255]))).toBe(ErrorCode.OK);
    await pollUntil(peer, () => peer.getAvailablePacketCount() === 2, 'binary echo');
    expect(Array.from(peer.getPacket())).toEqual(Array.from(bytes));
    expect(peer.wasStringPacket()).toBe(false);
    expect(Array.from(peer.getPacket())).toEqual([255, 0, 255]);
    expect(peer.getAvailablePacketCount()).toBe(0);
    expect(peer.getPacket().byteLength).toBe(0);
    expect(peer.getPacketError()).toBe(ErrorCode.ERR_UNAVAILABLE);
    peer.close();
  });

  it('keeps many messages in order and delivers them only on poll', async () => {
    const peer = await open(`${base}?id=${uniqueId()}`);
    for (let i = 0; i < 200; i++) expect(peer.sendText(`m${i}`)).toBe(ErrorCode.OK);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(peer.getAvailablePacketCount()).toBe(0);
    await pollUntil(peer, () => peer.getAvailablePacketCount() === 200, '200 echoes');
    for (let i = 0; i < 200; i++) expect(peer.getMessage()).toBe(`m${i}`);
    peer.close();
  });

  it('closes with 4001 "bye": the same code and reason are seen on both ends', async () => {
    const id = uniqueId();
    const peer = await open(`${base}?id=${id}`);
    expect(peer.close(4001, 'bye')).toBe(ErrorCode.OK);
    expect(peer.readyState).toBe(State.CLOSING);
    await pollUntil(peer, () => peer.readyState === State.CLOSED, 'close');
    expect(peer.closeCode).toBe(4001);
    expect(peer.closeReason).toBe('bye');
    await pollUntil([], () => true);
    let log = await fetchLog(urls.http, id);
    for (let i = 0; i < 50 && !log?.closed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      log = await fetchLog(urls.http, id);
    }
    expect(log?.closed).toMatchObject({ code: 4001, reason: 'bye', wasClean: true });
  });
});

describe('WebSocketPeer close and failure', () => {
  it('reports a server-initiated close with its code and reason', async () => {
    const peer = await open(`${urls.rawEcho}?id=${uniqueId()}`);
    peer.sendText('!close 4002 server says bye');
    await pollUntil(peer, () => peer.readyState === State.CLOSED, 'server close');
    expect(peer.closeCode).toBe(4002);
    expect(peer.closeReason).toBe('server says bye');
  });

  it('reports an unclean drop as close code -1', async () => {
    const peer = await open(`${urls.rawEcho}?id=${uniqueId()}`);
    peer.sendText('!drop');
    await pollUntil(peer, () => peer.readyState === State.CLOSED, 'drop');
    expect(peer.closeCode).toBe(-1);
  });

  it('ends in a clean error state, not a hang, when nothing listens on the port', async () => {
    const peer = new WebSocketPeer();
    expect(peer.connectToUrl(`ws://127.0.0.1:${urls.deadPort}/`)).toBe(ErrorCode.OK);
    await pollUntil(peer, () => peer.readyState === State.CLOSED, 'refused connection');
    expect(peer.closeCode).toBe(-1);
    expect(peer.send(new Uint8Array([1]))).toBe(ErrorCode.FAILED);
    expect(peer.sendText('x')).toBe(ErrorCode.FAILED);
  });

  it('rejects bad URLs with ERR_INVALID_PARAMETER and stays CLOSED', () => {
    const peer = new WebSocketPeer();
    for (const url of ['', 'http://127.0.0.1/', 'localhost:80', 'ws://', 'ftp://x', 'not a url']) {
      expect(peer.connectToUrl(url), url).toBe(ErrorCode.ERR_INVALID_PARAMETER);
      expect(peer.readyState).toBe(State.CLOSED);
    }
  });

  it('returns errors instead of throwing before OPEN and after CLOSED', async () => {
    const peer = new WebSocketPeer();
    expect(peer.send(new Uint8Array([1]))).toBe(ErrorCode.FAILED);
    expect(peer.connectToUrl(`${urls.rawEcho}?id=${uniqueId()}`)).toBe(ErrorCode.OK);
    expect(peer.connectToUrl(urls.rawEcho)).toBe(ErrorCode.ERR_ALREADY_IN_USE);
    expect(peer.sendText('too early')).toBe(ErrorCode.FAILED);
    await pollUntil(peer, () => peer.readyState === State.OPEN, 'open');
    peer.close();
    expect(peer.sendText('too late')).toBe(ErrorCode.FAILED);
    await pollUntil(peer, () => peer.readyState === State.CLOSED, 'closed');
    expect(peer.sendText('too late')).toBe(ErrorCode.FAILED);
  });
});

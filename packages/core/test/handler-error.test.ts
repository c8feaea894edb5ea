import { opened, setHandlerErrorReporter, WebSocketClient } from '@wspeer/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loopbackPair, settle, tick } from './loopback.js';

afterEach(() => setHandlerErrorReporter(null));

describe('one policy for handlers that throw', () => {
  it('a throwing signal handler loses no event: later packets and the close still arrive, the error is reported', async () => {
    const reported: Array<[string, string]> = [];
    setHandlerErrorReporter((error, where) => reported.push([(error as Error).message, where]));
    const { server, url, net } = await loopbackPair({ autoPoll: true });
    const client = new WebSocketClient({ connect: net.connect });
    const seen: string[] = [];
    client.on('connection_established', () => {
      seen.push('open');
      throw new Error('open handler');
    });
    client.on('data_received', () => {
      const text = client.getPeer(1)?.getMessage();
      seen.push(`data:${text}`);
      if (text === 'a') throw new Error('data handler');
    });
    client.on('connection_closed', (clean) => seen.push(`closed:${clean}`));
    server.on('client_connected', (id) => {
      const peer = server.getPeer(id);
      peer?.sendText('a');
      peer?.sendText('b');
      peer?.close(1000, 'done');
    });
    client.connectToUrl(url);
    // Everything (open, both messages, close) lands before one poll: one poll applies it all.
    await tick(20);
    client.poll();
    await settle([client], () => seen.includes('closed:true'));
    expect(seen).toEqual(['open', 'data:a', 'data:b', 'closed:true']);
    expect(reported).toEqual([
      ['open handler', 'a connection_established handler'],
      ['data handler', 'a data_received handler'],
    ]);
    server.stop();
  });

  it('auto-polled handlers that throw are reported the same way', async () => {
    const reported: string[] = [];
    setHandlerErrorReporter((error) => reported.push((error as Error).message));
    const { server, url, client } = await loopbackPair({ autoPoll: true });
    server.on('data_received', () => {
      throw new Error('server handler');
    });
    const peer = client({ autoPoll: true });
    peer.connectToUrl(url);
    await opened(peer, 1000);
    peer.sendText('x');
    peer.sendText('y');
    await settle([], () => reported.length === 2);
    expect(reported).toEqual(['server handler', 'server handler']);
    server.stop();
  });
});

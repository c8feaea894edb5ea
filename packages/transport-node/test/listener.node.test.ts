import { createServer } from 'node:http';
import { connect } from 'node:net';
import type { PendingConnection } from '@wspeer/core';
import { pollUntil } from '@wspeer/test-kit';
import { createNodeListener } from '@wspeer/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, nextMessage, opened, State, WebSocketPeer } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

async function listen(options: ConstructorParameters<typeof WebSocketServer>[0] = {}, protocols: string[] = []) {
  const server = new WebSocketServer({ bindIp: '127.0.0.1', ...options });
  expect(server.listen(0, protocols)).toBe(ErrorCode.OK);
  cleanup.push(() => server.stop());
  const port = await server.listening(5000);
  return { server, port };
}

/** Sends raw bytes over TCP and resolves with everything the server answered before closing. */
function rawExchange(port: number, request: string, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(`${answer}<still open>`);
    }, timeoutMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', () => {});
    if (request !== '') socket.write(request);
  });
}

describe('Node listener', () => {
  it('answers plain HTTP requests with 426 Upgrade Required', async () => {
    const { port } = await listen();
    const answer = await rawExchange(port, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 426/);
  });

  it('drops a TCP connection that never sends its handshake, after handshakeTimeout, serving others meanwhile', async () => {
    const { server, port } = await listen({ handshakeTimeout: 0.2, autoPoll: true });
    server.on('data_received', (id) => server.getPeer(id)?.sendText('pong'));
    const started = Date.now();
    const silent = rawExchange(port, '', 3000);
    const peer = new WebSocketPeer({ autoPoll: true });
    peer.connectToUrl(`ws://127.0.0.1:${port}/`);
    await opened(peer, 2000);
    expect(server.getPeerAddress(server.getPeerIds()[0] as number)).toBe('127.0.0.1');
    expect(server.getPeerPort(server.getPeerIds()[0] as number)).toBeGreaterThan(0);
    expect(peer.getConnectedPort()).toBe(port);
    peer.sendText('ping');
    expect(await nextMessage(peer, 2000)).toBe('pong');
    expect(await silent).toBe('');
    expect(Date.now() - started).toBeLessThan(2000);
    peer.close();
  });

  it('refuses a malformed upgrade with 400 and keeps serving others', async () => {
    const { server, port } = await listen({ autoPoll: true });
    const bad = await rawExchange(
      port,
      'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
    );
    expect(bad).toMatch(/^HTTP\/1\.1 400/);
    const peer = new WebSocketPeer();
    peer.connectToUrl(`ws://127.0.0.1:${port}/`);
    await pollUntil([peer, server], () => peer.readyState === State.OPEN, 'a good client');
    peer.close();
  });

  it('reports a port already in use through listening()', async () => {
    const { port } = await listen();
    const second = new WebSocketServer({ bindIp: '127.0.0.1' });
    expect(second.listen(port)).toBe(ErrorCode.OK);
    await expect(second.listening(5000)).rejects.toMatchObject({ code: ErrorCode.ERR_ALREADY_IN_USE });
    expect(second.isListening()).toBe(false);
    expect(second.lastErrorMessage).toContain('EADDRINUSE');
  });
  it('on an attached server, answers 408 to an upgrade nobody decides on, and reports the request lazily', async () => {
    const http = createServer();
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => http.close());
    const port = (http.address() as { port: number }).port;
    const seen: PendingConnection[] = [];
    const listener = createNodeListener(
      { port: 0, bindAddress: '*', server: http, path: '/late', handshakeTimeout: 200 },
      { onConnection: (c) => seen.push(c), onListening: () => {}, onListenError: () => {} },
    );
    cleanup.push(() => listener.close());
    const started = Date.now();
    const answer = await rawExchange(
      port,
      'GET /late?x=1 HTTP/1.1\r\nHost: game.test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' +
        'Sec-WebSocket-Protocol: a, b\r\nX-Extra: 1\r\nX-Extra: 2\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('Handshake timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    const [connection] = seen;
    expect(connection?.url).toBe('ws://game.test/late?x=1');
    expect(connection?.path).toBe('/late?x=1');
    expect(connection?.protocols).toEqual(['a', 'b']);
    expect(connection?.headers['x-extra']).toBe('1, 2');
    expect(connection?.isAlive()).toBe(false);
  });

  it("gives every client the URL it asked for (a URL equal to the last one's is shared, a new one is not)", async () => {
    const { server, port } = await listen({ autoPoll: true });
    const urls = new Map<number, string>();
    server.on('client_connected', (id) => urls.set(id, server.getPeer(id)?.requestedUrl ?? ''));
    const asked = ['/a?t=1', '/a?t=1', '/b', '/a?t=2', '/b'].map((path) => `ws://127.0.0.1:${port}${path}`);
    const peers: WebSocketPeer[] = [];
    for (const url of asked) {
      const peer = new WebSocketPeer({ autoPoll: true });
      cleanup.push(() => peer.close(-1));
      peer.connectToUrl(url);
      await opened(peer, 2000);
      await pollUntil([server], () => urls.size === peers.length + 1, 'the server to see the client');
      peers.push(peer);
    }
    expect([...urls.values()]).toEqual(asked);
  });
});

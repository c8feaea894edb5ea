/**
 * What a new user meets first, over real sockets on 127.0.0.1: errors that say what went wrong
 * (busy and invalid ports, wrong argument types, a refused handshake's reason, the reason argument
 * of connection_error / connection_closed), promise helpers with an AbortSignal, the opt-in debug
 * logger (option and WSPEER_DEBUG), and a MultiplayerAPI attached to a peer that is connected.
 */
import { createServer } from 'node:net';
import { freePort, startLineProcess } from '@wspeer/test-kit/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closed,
  debugLogger,
  ErrorCode,
  nextMessage,
  opened,
  State,
  WebSocketClient,
  WebSocketError,
  WebSocketPeer,
} from 'wspeer';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';
import { TCPServer, WebSocketServer } from 'wspeer/server';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A plain TCP server holding a port on 127.0.0.1. */
async function busyPort(): Promise<number> {
  const sockets = new Set<import('node:net').Socket>();
  const blocker = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => blocker.close(resolve));
  });
  return (blocker.address() as { port: number }).port;
}

async function echoServer(protocols: string[] = []): Promise<{ server: WebSocketServer; url: string }> {
  const server = new WebSocketServer({ bindIp: '127.0.0.1', autoPoll: true });
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    peer?.sendText(new TextDecoder().decode(peer.getPacket()));
  });
  expect(server.listen(0, protocols)).toBe(ErrorCode.OK);
  cleanup.push(() => server.stop());
  const port = await server.listening(5000);
  return { server, url: `ws://127.0.0.1:${port}/` };
}

describe('listen() on a busy or invalid port', () => {
  const busyMessage = (port: number) =>
    `cannot listen on 127.0.0.1 port ${port}: the port is already in use (EADDRINUSE); stop the other server or choose another port (0 picks a free one)`;

  it('fires listen_failed from poll with a message naming the port and the cause; listening() rejects the same', async () => {
    const port = await busyPort();
    const server = new WebSocketServer({ bindIp: '127.0.0.1', autoPoll: true });
    cleanup.push(() => server.stop());
    const failed = new Promise<[string, number]>((resolve) => server.on('listen_failed', (m, c) => resolve([m, c])));
    expect(server.listen(port)).toBe(ErrorCode.OK);
    expect(await failed).toEqual([busyMessage(port), ErrorCode.ERR_ALREADY_IN_USE]);
    expect(server.lastErrorMessage).toBe(busyMessage(port));
    expect(server.isListening()).toBe(false);
    const error = await server.listening(1000).catch((e: WebSocketError) => e);
    expect(error).toBeInstanceOf(WebSocketError);
    expect((error as WebSocketError).code).toBe(ErrorCode.ERR_ALREADY_IN_USE);
    expect((error as WebSocketError).message).toBe(`ERR_ALREADY_IN_USE: ${busyMessage(port)}`);
  });

  it('logs one line when nobody listens to listen_failed nor waits on listening()', async () => {
    const port = await busyPort();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const server = new WebSocketServer({ bindIp: '127.0.0.1' });
    cleanup.push(() => server.stop());
    server.listen(port);
    await vi.waitFor(() => expect(logged).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(logged).toHaveBeenCalledWith(`[wspeer] WebSocketServer ${busyMessage(port)}`);
    const tcp = new TCPServer();
    cleanup.push(() => tcp.stop());
    tcp.listen(port, '127.0.0.1');
    await vi.waitFor(() => expect(logged).toHaveBeenCalledTimes(2), { timeout: 5000 });
    expect(logged).toHaveBeenLastCalledWith(`[wspeer] TCPServer ${busyMessage(port)}`);
    expect(tcp.lastErrorMessage).toBe(busyMessage(port));
  });

  it('returns ERR_INVALID_PARAMETER (never a raw exception) for invalid ports and arguments', async () => {
    const server = new WebSocketServer();
    cleanup.push(() => server.stop());
    for (const port of [70000, -1, 1.5, Number.NaN, '8080' as unknown as number, undefined as unknown as number]) {
      expect(server.listen(port), String(port)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
      expect(server.lastErrorMessage).toMatch(
        /^invalid port .*: use an integer from 0 to 65535 \(0 picks a free port\)$/,
      );
      expect(server.isListening()).toBe(false);
    }
    expect(server.listen(0, 'ludus' as unknown as string[])).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(server.attach({ not: 'a server' })).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(server.lastErrorMessage).not.toBe('');
    const tcp = new TCPServer();
    expect(tcp.listen(70000)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(tcp.lastErrorMessage).toMatch(/^invalid port 70000/);
    const mp = new WebSocketMultiplayerPeer();
    expect(mp.createServer(70000)).toBe(ErrorCode.ERR_INVALID_PARAMETER);

    const { url } = await echoServer();
    const peer = new WebSocketPeer({ autoPoll: true });
    cleanup.push(() => peer.close(-1));
    expect(peer.connectToUrl(42 as unknown as string)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    peer.connectToUrl(url);
    await opened(peer, 5000);
    expect(peer.send('text' as unknown as Uint8Array)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(peer.sendText(new Uint8Array(1) as unknown as string)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(peer.close(1000, 7 as unknown as string)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(peer.close(1005)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(peer.send(new Uint16Array([1]) as unknown as Uint8Array)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    expect(peer.sendText('hi')).toBe(ErrorCode.OK);
    expect(await nextMessage(peer, 5000)).toBe('hi');
  });
});

describe('a refused handshake', () => {
  it("surfaces the server's reason on a Node client: lastErrorMessage, connection_error(reason), opened() rejection", async () => {
    const { url } = await echoServer(['chat']);
    const client = new WebSocketClient({ autoPoll: true });
    const reasons: string[] = [];
    client.on('connection_error', (reason) => reasons.push(reason));
    expect(client.connectToUrl(url, ['other'])).toBe(ErrorCode.OK);
    const error = await opened(client, 5000).catch((e: WebSocketError) => e);
    const why = 'the server refused the connection: HTTP 400 Bad Request: No matching subprotocol';
    expect((error as WebSocketError).code).toBe(ErrorCode.ERR_CANT_CONNECT);
    expect((error as WebSocketError).message).toBe(`ERR_CANT_CONNECT: connection failed (${why})`);
    expect(reasons).toEqual([why]);
    expect(client.getPeer(1)?.lastErrorMessage).toBe(why);
  });

  it('connection_closed carries the close reason', async () => {
    const { server, url } = await echoServer();
    const client = new WebSocketClient({ autoPoll: true });
    const closed = new Promise<[boolean, string]>((resolve) =>
      client.on('connection_closed', (clean, reason) => resolve([clean, reason])),
    );
    client.connectToUrl(url);
    await opened(client, 5000);
    await vi.waitFor(() => expect(server.getPeerIds()).toHaveLength(1));
    server.disconnectPeer(server.getPeerIds()[0] as number, 4000, 'Kicked for testing');
    expect(await closed).toEqual([true, 'Kicked for testing']);
  });
});

describe('promise helpers with an AbortSignal', () => {
  it('reject with the signal reason when aborted, at once when already aborted; a number is still a timeout', async () => {
    const port = await busyPort(); // a TCP server that never answers the upgrade
    const peer = new WebSocketPeer({ autoPoll: true });
    cleanup.push(() => peer.close(-1));
    peer.connectToUrl(`ws://127.0.0.1:${port}/`);
    const controller = new AbortController();
    const pending = opened(peer, { signal: controller.signal, timeoutMs: 10_000 });
    controller.abort(new Error('user gave up'));
    await expect(pending).rejects.toThrow('user gave up');
    await expect(nextMessage(peer, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    await expect(opened(peer, 50)).rejects.toMatchObject({ code: ErrorCode.ERR_TIMEOUT });
    await expect(closed(peer, { timeoutMs: 50 })).rejects.toMatchObject({ code: ErrorCode.ERR_TIMEOUT });
    const mp = new WebSocketMultiplayerPeer();
    cleanup.push(() => mp.close());
    mp.createClient(`ws://127.0.0.1:${port}/`);
    await expect(connected(mp, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ name: 'TimeoutError' });
    const server = new WebSocketServer({ bindIp: '127.0.0.1' });
    cleanup.push(() => server.stop());
    await expect(server.listening({ signal: AbortSignal.abort('stop') })).rejects.toBe('stop');
  });
});

describe('debug logging', () => {
  it('is off by default and, with debugLogger, prints connection events, frames and refusals', async () => {
    const { server, url } = await echoServer(['chat']);
    const lines: string[] = [];
    server.debug = debugLogger((line) => lines.push(line));
    const peer = new WebSocketPeer({
      autoPoll: true,
      supportedProtocols: ['chat'],
      debug: debugLogger((l) => lines.push(l)),
    });
    peer.connectToUrl(url);
    await opened(peer, 5000);
    peer.sendText('hello');
    expect(await nextMessage(peer, 5000)).toBe('hello');
    peer.close(1000, 'bye');
    await closed(peer, 5000);
    const refused = new WebSocketPeer({
      autoPoll: true,
      supportedProtocols: ['other'],
      debug: debugLogger((l) => lines.push(l)),
    });
    refused.connectToUrl(url);
    await opened(refused, 5000).catch(() => {});
    const text = lines.join('\n');
    for (const expected of [
      `[wspeer] ${url} connecting`,
      `[wspeer] ${url} open (protocol "chat")`,
      `[wspeer] ${url} -> text 5 B "hello"`,
      `[wspeer] ${url} <- text 5 B "hello"`,
      `[wspeer] ${url} closed 1000 "bye" (clean)`,
      `[wspeer] refused ${url}: 400 No matching subprotocol`,
      `[wspeer] ${url} error: the server refused the connection: HTTP 400 Bad Request: No matching subprotocol`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/\[wspeer\] client \d+ \(ws:\/\/127\.0\.0\.1:\d+\/\) <- text 5 B "hello"/);
    expect(new WebSocketPeer().debug).toBeNull();
  });

  it('WSPEER_DEBUG=1 turns it on in Node (stderr); unset, nothing is printed', async () => {
    const { url } = await echoServer();
    const script = `
      import { closed, nextMessage, opened, WebSocketPeer } from 'wspeer';
      const peer = new WebSocketPeer({ autoPoll: true });
      peer.connectToUrl(${JSON.stringify(url)});
      await opened(peer, 5000);
      peer.sendText('ping');
      await nextMessage(peer, 5000);
      peer.close();
      await closed(peer, 5000);`;
    const cwd = new URL('..', import.meta.url).pathname;
    for (const value of ['1', '']) {
      const child = startLineProcess(process.execPath, ['--input-type=module', '-e', script], {
        cwd,
        env: { WSPEER_DEBUG: value },
        timeoutMs: 20_000,
      });
      cleanup.push(() => child.stop());
      expect(await child.exited).toBe(0);
      if (value === '1') {
        expect(child.stderr).toContain(`[wspeer] ${url} -> text 4 B "ping"`);
        expect(child.stderr).toContain(`[wspeer] ${url} closed 1000 "" (clean)`);
      } else {
        expect(child.stderr).toEqual([]);
      }
    }
  });
});

describe('MultiplayerAPI attached to a peer that is already connected', () => {
  it('knows the server and can call it at once', async () => {
    const host = new WebSocketMultiplayerPeer({ autoPoll: true });
    cleanup.push(() => host.close());
    host.createServer(await freePort(), '127.0.0.1');
    const port = await host.listening(5000);
    const calls: string[] = [];
    new MultiplayerAPI(host, { autoPoll: true }).node('Main', {
      methods: { say: { mode: 'any_peer', handler: (text: string) => calls.push(text) } },
    });
    const client = new WebSocketMultiplayerPeer({ autoPoll: true });
    cleanup.push(() => client.close());
    client.createClient(`ws://127.0.0.1:${port}`);
    await connected(client, 5000);
    const api = new MultiplayerAPI(client, { autoPoll: true });
    expect(api.getNetworkConnectedPeers()).toEqual([1]);
    const main = api.node('Main', { methods: { say: { mode: 'any_peer', handler: (_text: string) => {} } } });
    expect(main.rpcId(1, 'say', 'hi')).toBe(ErrorCode.OK);
    await vi.waitFor(() => expect(calls).toEqual(['hi']));
    expect(client.getConnectionStatus()).toBe(2);
    expect(State.OPEN).toBe(1);
  });
});

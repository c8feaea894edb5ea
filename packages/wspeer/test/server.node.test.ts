import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pollUntil, sleep } from '@wspeer/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer as WsServer } from 'ws';
import { closed, ErrorCode, nextMessage, opened, State, WebSocketClient, WebSocketPeer } from 'wspeer';
import { TCPServer, WebSocketServer } from 'wspeer/server';

const fixtures = new URL('../../test-kit/fixtures/', import.meta.url);
const key = readFileSync(new URL('test-key.pem', fixtures), 'utf8');
const cert = readFileSync(new URL('test-cert.pem', fixtures), 'utf8');

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function startServer(options: ConstructorParameters<typeof WebSocketServer>[0] = {}, protocols: string[] = []) {
  const server = new WebSocketServer({ bindIp: '127.0.0.1', ...options });
  expect(server.listen(0, protocols)).toBe(ErrorCode.OK);
  cleanup.push(() => server.stop());
  const port = await server.listening(5000);
  return { server, port, url: `ws://127.0.0.1:${port}/` };
}

function peer(options: ConstructorParameters<typeof WebSocketPeer>[0] = {}): WebSocketPeer {
  const p = new WebSocketPeer(options);
  cleanup.push(() => p.close(-1));
  return p;
}

describe('WebSocketServer over real sockets', () => {
  it('fires signals only inside poll()', async () => {
    const { server, url } = await startServer();
    const events: string[] = [];
    server.on('client_connected', () => events.push('connected'));
    server.on('data_received', () => events.push('data'));
    const client = peer();
    client.connectToUrl(url);
    await pollUntil(client, () => client.readyState === State.OPEN, 'client open');
    client.sendText('x');
    await sleep(50);
    expect(events).toEqual([]);
    server.poll();
    expect(events).toEqual(['connected', 'data']);
  });

  it('closes a client that sends more than inboundBufferSize with 1009 and keeps serving the others', async () => {
    const { server, url } = await startServer({ inboundBufferSize: 1000, autoPoll: true });
    server.on('data_received', (id) => {
      const p = server.getPeer(id);
      p?.send(p.getPacket());
    });
    const good = peer({ autoPoll: true });
    const bad = peer({ autoPoll: true });
    good.connectToUrl(url);
    bad.connectToUrl(url);
    await Promise.all([opened(good, 5000), opened(bad, 5000)]);
    bad.send(new Uint8Array(1001));
    const info = await closed(bad, 5000);
    expect(info.code).toBe(1009);
    good.send(new Uint8Array(1000));
    expect(((await nextMessage(good, 5000)) as Uint8Array).byteLength).toBe(1000);
  });

  it('pauses reading instead of dropping when a client does not drain its queue (inbound back-pressure)', async () => {
    const flood = new WsServer({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => new Promise((resolve) => flood.close(resolve)));
    flood.on('connection', (ws) => {
      for (let i = 0; i < 3000; i++) {
        const message = new Uint8Array(1024);
        new DataView(message.buffer).setUint32(0, i, true);
        ws.send(message);
      }
    });
    await new Promise((resolve) => flood.once('listening', resolve));
    const client = peer({ inboundBufferSize: 16 * 1024 });
    client.connectToUrl(`ws://127.0.0.1:${(flood.address() as { port: number }).port}/`);
    await pollUntil(client, () => client.readyState === State.OPEN, 'open');
    await sleep(300);
    client.poll();
    const queued = client.getAvailablePacketCount();
    expect(queued).toBeGreaterThan(0);
    expect(queued * 1024).toBeLessThan(16 * 1024 + 256 * 1024);
    let next = 0;
    await pollUntil(
      client,
      () => {
        while (client.getAvailablePacketCount() > 0) {
          const packet = client.getPacket();
          expect(new DataView(packet.buffer, packet.byteOffset).getUint32(0, true)).toBe(next++);
        }
        return next === 3000;
      },
      'all 3000 messages in order',
      10_000,
    );
    expect(client.readyState).toBe(State.OPEN);
  });

  it('drops a client that stops answering pings (heartbeatInterval)', async () => {
    const { server, url } = await startServer({ heartbeatInterval: 0.05, autoPoll: true });
    const gone: Array<[number, boolean]> = [];
    server.on('client_disconnected', (id, clean) => gone.push([id, clean]));
    const silent = new WebSocket(url, { autoPong: false });
    const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
    expect(await closed).toBe(1006);
    await pollUntil([], () => gone.length === 1, 'client_disconnected');
    expect(gone[0]?.[1]).toBe(false);
  });

  it('drops the server when it stops answering the client heartbeat', async () => {
    const mute = new WsServer({ port: 0, host: '127.0.0.1', autoPong: false });
    cleanup.push(() => new Promise((resolve) => mute.close(resolve)));
    await new Promise((resolve) => mute.once('listening', resolve));
    const client = peer({ heartbeatInterval: 0.05, autoPoll: true });
    client.connectToUrl(`ws://127.0.0.1:${(mute.address() as { port: number }).port}/`);
    await opened(client, 5000);
    const info = await closed(client, 5000);
    expect(info).toMatchObject({ code: -1, reason: 'Heartbeat timeout' });
  });

  it('attaches to an existing HTTP server on a path; other paths get 404, plain HTTP is untouched', async () => {
    const http = createServer((_req, res) => res.end('plain http'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => http.close(resolve)));
    const port = (http.address() as { port: number }).port;
    const server = new WebSocketServer({ autoPoll: true });
    expect(server.attach(http, { path: '/game', protocols: ['ludus'] })).toBe(ErrorCode.OK);
    cleanup.push(() => server.stop());
    expect(await server.listening(1000)).toBe(port);
    const ok = peer({ supportedProtocols: ['ludus'], autoPoll: true });
    ok.connectToUrl(`ws://127.0.0.1:${port}/game?room=1`);
    expect(await opened(ok, 5000)).toBe('ludus');
    const lost = peer({ supportedProtocols: ['ludus'], autoPoll: true });
    lost.connectToUrl(`ws://127.0.0.1:${port}/elsewhere`);
    await expect(opened(lost, 5000)).rejects.toMatchObject({ code: ErrorCode.ERR_CANT_CONNECT });
    expect(lost.lastErrorMessage).toContain('404');
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('plain http');
  });

  it('serves wss:// with a key and certificate; clients verify it', async () => {
    const { server, port } = await startServer({ privateKey: key, sslCertificate: cert, autoPoll: true });
    server.on('data_received', (id) => server.getPeer(id)?.sendText(`echo:${server.getPeer(id)?.getMessage()}`));
    const url = `wss://127.0.0.1:${port}/`;
    const trusted = new WebSocketClient({ trustedSslCertificate: cert, autoPoll: true });
    cleanup.push(() => trusted.disconnectFromHost(-1));
    trusted.connectToUrl(url);
    await opened(trusted, 5000);
    trusted.getPeer(1)?.sendText('secure');
    expect(await nextMessage(trusted, 5000)).toBe('echo:secure');
    const untrusted = new WebSocketClient({ autoPoll: true });
    const errors: string[] = [];
    untrusted.on('connection_error', () => errors.push('error'));
    untrusted.connectToUrl(url);
    await expect(opened(untrusted, 5000)).rejects.toMatchObject({ code: ErrorCode.ERR_CANT_CONNECT });
    expect(errors).toEqual(['error']);
    expect(untrusted.getPeer(1)?.lastErrorMessage).toMatch(/self.signed|certificate/i);
    const unverified = new WebSocketPeer({ tls: { verify: false }, autoPoll: true });
    cleanup.push(() => unverified.close(-1));
    unverified.connectToUrl(url);
    await opened(unverified, 5000);
  });

  it('sends custom handshake headers both ways', async () => {
    const { url } = await startServer({ handshakeHeaders: ['X-Server: wspeer'] });
    const response = await new Promise<string | undefined>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.on('upgrade', (res) => resolve(res.headers['x-server'] as string | undefined));
      ws.on('error', reject);
      cleanup.push(() => ws.terminate());
    });
    expect(response).toBe('wspeer');
  });
});

describe('TCPServer + WebSocketPeer.acceptStream (Godot 4 server side)', () => {
  it('takes a connection, accepts it with the peer protocols, and exchanges Ping/Pong', async () => {
    const tcp = new TCPServer();
    expect(tcp.listen(0, '127.0.0.1')).toBe(ErrorCode.OK);
    cleanup.push(() => tcp.stop());
    const port = await tcp.listening(5000);
    expect(tcp.getLocalPort()).toBe(port);
    expect(tcp.isConnectionAvailable()).toBe(false);
    const client = peer({ supportedProtocols: ['demo-chat'], handshakeHeaders: ['X-Player: 7'] });
    client.connectToUrl(`ws://127.0.0.1:${port}/lobby?x=1`);
    await pollUntil(client, () => tcp.isConnectionAvailable(), 'a pending connection');
    const connection = tcp.takeConnection();
    expect(connection?.headers['x-player']).toBe('7');
    expect(connection?.path).toBe('/lobby?x=1');
    const server = peer({ supportedProtocols: ['demo-chat'] });
    expect(server.acceptStream(connection as NonNullable<typeof connection>)).toBe(ErrorCode.OK);
    expect(server.acceptStream(connection as NonNullable<typeof connection>)).toBe(ErrorCode.ERR_ALREADY_IN_USE);
    await pollUntil(
      [client, server],
      () => client.readyState === State.OPEN && server.readyState === State.OPEN,
      'open',
    );
    expect(server.getRequestedUrl()).toBe(`ws://127.0.0.1:${port}/lobby?x=1`);
    expect(server.getSelectedProtocol()).toBe('demo-chat');
    client.sendText('Ping');
    await pollUntil(server, () => server.getAvailablePacketCount() === 1, 'ping');
    expect(server.getMessage()).toBe('Ping');
    server.sendText('Pong');
    await pollUntil(client, () => client.getAvailablePacketCount() === 1, 'pong');
    expect(client.getMessage()).toBe('Pong');
  });

  it('refuses with ERR_INVALID_PARAMETER when no subprotocol matches; the client fails cleanly', async () => {
    const tcp = new TCPServer();
    tcp.listen(0, '127.0.0.1');
    cleanup.push(() => tcp.stop());
    const port = await tcp.listening(5000);
    const client = peer({ supportedProtocols: ['other'] });
    client.connectToUrl(`ws://127.0.0.1:${port}/`);
    await pollUntil(client, () => tcp.isConnectionAvailable(), 'a pending connection');
    const server = peer({ supportedProtocols: ['demo-chat'] });
    expect(server.acceptStream(tcp.takeConnection() as never)).toBe(ErrorCode.ERR_INVALID_PARAMETER);
    await pollUntil(client, () => client.readyState === State.CLOSED, 'client refused');
    expect(client.closeCode).toBe(-1);
  });
});

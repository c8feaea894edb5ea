import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, createServer as createNetServer, type Socket } from 'node:net';
import { pollUntil, sleep } from '@wspeer/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseReason, ErrorCode, State, WebSocketPeer } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';

const fixtures = new URL('../../test-kit/fixtures/', import.meta.url);
const key = readFileSync(new URL('test-key.pem', fixtures), 'utf8');
const cert = readFileSync(new URL('test-cert.pem', fixtures), 'utf8');

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function startServer(options: ConstructorParameters<typeof WebSocketServer>[0] = {}) {
  const server = new WebSocketServer({ bindIp: '127.0.0.1', autoPoll: true, ...options });
  expect(server.listen(0)).toBe(ErrorCode.OK);
  cleanup.push(() => server.stop());
  const port = await server.listening(5000);
  return { server, port, url: `ws://127.0.0.1:${port}/` };
}

function wsClient(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  cleanup.push(() => ws.terminate());
  ws.on('error', () => {});
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** Sends `count` pings in one TCP write. */
function pingBurst(ws: WebSocket, count: number): void {
  const socket = (ws as unknown as { _socket: Socket })._socket;
  socket.cork();
  for (let i = 0; i < count; i++) ws.ping(Buffer.from([i & 255]));
  socket.uncork();
}

describe('pings', () => {
  it('answers a burst of 61 pings and keeps the connection (ws alone terminated it with no reason)', async () => {
    const { server, url } = await startServer();
    const ws = await wsClient(url);
    let pongs = 0;
    ws.on('pong', () => pongs++);
    pingBurst(ws, 61);
    await pollUntil([], () => pongs === 61, '61 pongs', 3000);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    await pollUntil([], () => server.getPeerIds().length === 1, 'still connected');
  });

  it('cuts a ping flood with 1008 "Too many pings", a reason both sides and the stats see', async () => {
    const { server, url } = await startServer();
    const gone: number[] = [];
    server.on('client_disconnected', (id) => gone.push(id));
    const ws = await wsClient(url);
    await pollUntil([], () => server.getPeerIds().length === 1, 'connected');
    const peer = server.getPeer(server.getPeerIds()[0] as number) as WebSocketPeer;
    const end = closed(ws);
    pingBurst(ws, 1000);
    expect(await end).toEqual({ code: 1008, reason: CloseReason.TOO_MANY_PINGS });
    await pollUntil([], () => gone.length === 1, 'client_disconnected');
    await pollUntil([], () => peer.readyState === State.CLOSED, 'socket closed');
    expect(peer.closeCode).toBe(1008);
    expect(peer.closeReason).toBe(CloseReason.TOO_MANY_PINGS);
    expect(server.stats().cut).toEqual({ 'too-many-pings': 1 });
  });
});

describe('handshake and close timeouts', () => {
  it('a Node client gives up on a server that accepts TCP and never answers (handshakeTimeout)', async () => {
    const sockets: Socket[] = [];
    const blackHole = createNetServer((socket) => {
      sockets.push(socket);
      socket.resume();
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => {
      for (const s of sockets) s.destroy();
      blackHole.close();
    });
    const port = (blackHole.address() as { port: number }).port;
    const peer = new WebSocketPeer({ handshakeTimeout: 0.3 });
    const started = performance.now();
    expect(peer.connectToUrl(`ws://127.0.0.1:${port}/`)).toBe(ErrorCode.OK);
    // Before: CONNECTING for as long as the server keeps the socket open.
    await pollUntil(peer, () => peer.readyState === State.CLOSED, 'handshake timeout', 2000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(peer.closeCode).toBe(-1);
    expect(peer.lastErrorMessage).toBe(CloseReason.HANDSHAKE_TIMEOUT);
    await pollUntil([], () => sockets.length === 1 && sockets[0]?.destroyed === true, 'socket dropped', 1000);
    expect(new WebSocketPeer().handshakeTimeout).toBe(3);
  });

  it('drops a client that never answers our close frame after closeTimeout', async () => {
    const { server, url } = await startServer({ closeTimeout: 0.2 });
    const ws = await wsClient(url);
    await pollUntil([], () => server.getPeerIds().length === 1, 'connected');
    const socket = (ws as unknown as { _socket: Socket })._socket;
    socket.pause();
    const id = server.getPeerIds()[0] as number;
    const peer = server.getPeer(id) as WebSocketPeer;
    const started = performance.now();
    server.disconnectPeer(id, 1000, 'bye');
    await pollUntil([], () => peer.readyState === State.CLOSED, 'closed after the grace', 2000);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(1500);
    expect(peer.closeCode).toBe(-1);
  });
});

describe('slow handshakes on a server we attach to (slowloris)', () => {
  async function attached(handshakeTimeout: number): Promise<{ port: number; http: Server; server: WebSocketServer }> {
    const http = createServer((_request, response) => response.end('page'));
    const server = new WebSocketServer({ autoPoll: true, handshakeTimeout });
    server.attach(http, { path: '/ws' });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => {
      server.stop();
      http.closeAllConnections();
      http.close();
    });
    return { port: (http.address() as { port: number }).port, http, server };
  }

  it('drops connections that trickle their upgrade request in, and still serves pages and honest clients', async () => {
    const { port } = await attached(0.4);
    const slow: Socket[] = [];
    const request = 'GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n';
    let closedCount = 0;
    for (let i = 0; i < 50; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.on('close', () => closedCount++);
      slow.push(socket);
    }
    cleanup.push(() => {
      for (const s of slow) s.destroy();
    });
    const started = performance.now();
    let sent = 0;
    const trickle = setInterval(() => {
      for (const s of slow) if (!s.destroyed) s.write(request[sent % request.length] as string);
      sent++;
    }, 50);
    cleanup.push(() => clearInterval(trickle));
    const honest = new WebSocketPeer();
    honest.connectToUrl(`ws://127.0.0.1:${port}/ws`);
    await pollUntil(honest, () => honest.readyState === State.OPEN, 'honest client', 2000);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('page');
    // Before: held until Node's own header timeout (60 s and more).
    await pollUntil([], () => closedCount === 50, 'slow connections dropped', 3000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    honest.sendText('still here');
    await pollUntil(honest, () => honest.readyState === State.OPEN, 'honest client stays', 100);
    honest.close();
  });
});

describe('wss on an own listener', () => {
  it('keeps an upgraded connection past handshakeTimeout (the timer belonged to the TCP socket under TLS)', async () => {
    const server = new WebSocketServer({
      bindIp: '127.0.0.1',
      autoPoll: true,
      privateKey: key,
      sslCertificate: cert,
      handshakeTimeout: 0.2,
    });
    server.listen(0);
    cleanup.push(() => server.stop());
    const port = await server.listening(5000);
    const client = new WebSocketPeer({ tls: { verify: false } });
    cleanup.push(() => client.close(-1));
    client.connectToUrl(`wss://127.0.0.1:${port}/`);
    await pollUntil(client, () => client.readyState === State.OPEN, 'open');
    await sleep(500);
    client.poll();
    expect(client.readyState).toBe(State.OPEN);
  });
});

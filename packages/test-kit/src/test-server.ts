import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer as WsServer } from 'ws';
import type { WebSocketPeer } from 'wspeer';
import { UpgradeRouter, WebSocketServer } from 'wspeer/server';
import { startGodot } from './godot-runner.js';
import type { ConnectionLog } from './server-log.js';
import type { TestUrls } from './test-urls.js';

/** A running test server; `close()` stops everything it started. */
export interface TestServer {
  urls: TestUrls;
  close(): Promise<void>;
}

function emptyLog(): ConnectionLog {
  return { opened: false, protocol: '', messages: 0, closed: null, closeRequest: null };
}

/** A `size`-byte message whose first four bytes are `index` (little-endian). */
function flood(index: number, size: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(4, size));
  new DataView(bytes.buffer).setUint32(0, index, true);
  return bytes;
}

/**
 * Runs a text command sent to an echo endpoint, returning true if it was one:
 * `!close <code> <reason>`, `!big <bytes>`, `!burst <count>`, `!flood <count> <size>`, `!drop`.
 */
function runCommand(text: string, socket: WebSocket): boolean {
  if (!text.startsWith('!')) return false;
  const [command, arg = '', ...rest] = text.slice(1).split(' ');
  if (command === 'close') socket.close(Number(arg), rest.join(' '));
  else if (command === 'big') socket.send(new Uint8Array(Number(arg)).fill(7));
  else if (command === 'burst') for (let i = 0; i < Number(arg); i++) socket.send(new Uint8Array([i & 255]));
  else if (command === 'flood') for (let i = 0; i < Number(arg); i++) socket.send(flood(i, Number(rest[0])));
  else if (command === 'drop') socket.terminate();
  else return false;
  return true;
}

/**
 * Starts, on 127.0.0.1 and a free port, a raw `ws` echo at `/echo` (an independent reference
 * implementation) and a wspeer `WebSocketServer` echo at `/wspeer-echo`, both logging each
 * connection by its `id` query parameter, plus `GET /log?id=` to read the logs.
 */
export async function startTestServer(): Promise<TestServer> {
  const logs = new Map<string, ConnectionLog>();
  const logFor = (url: string | undefined): ConnectionLog => {
    const id = new URL(url ?? '/', 'http://x').searchParams.get('id') ?? '';
    let log = logs.get(id);
    if (log === undefined) {
      log = emptyLog();
      logs.set(id, log);
    }
    return log;
  };

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const log = url.pathname === '/log' ? logs.get(url.searchParams.get('id') ?? '') : undefined;
    response.writeHead(log ? 200 : 404, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    response.end(JSON.stringify(log ?? null));
  });

  const raw = new WsServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (p) => p.values().next().value ?? false,
  });
  UpgradeRouter.for(http).add('/echo', (request, socket, head) => {
    raw.handleUpgrade(request, socket, head, (ws) => {
      const log = logFor(request.url);
      log.opened = true;
      log.protocol = ws.protocol;
      ws.on('message', (data: RawData, isBinary: boolean) => {
        log.messages++;
        if (!isBinary && runCommand(data.toString(), ws)) return;
        ws.send(data as Buffer, { binary: isBinary });
      });
      ws.on('close', (code, reason) => {
        log.closed = { code, reason: reason.toString(), wasClean: code !== 1006 };
      });
    });
  });

  const echo = new WebSocketServer({ autoPoll: true, inboundBufferSize: 1 << 20, outboundBufferSize: 1 << 22 });
  echo.attach(http, { path: '/wspeer-echo' });
  const heartbeat = new WebSocketServer({ autoPoll: true, heartbeatInterval: 0.05 });
  heartbeat.attach(http, { path: '/wspeer-heartbeat' });
  heartbeat.on('data_received', (id) => {
    const peer = heartbeat.getPeer(id);
    const message = peer?.getMessage();
    if (typeof message === 'string') peer?.sendText(message);
  });
  const echoLogs = new Map<number, { log: ConnectionLog; peer: WebSocketPeer }>();
  echo.on('client_connected', (id, protocol) => {
    const peer = echo.getPeer(id) as WebSocketPeer;
    const log = logFor(peer.requestedUrl.replace(/^wss?:\/\/[^/]+/, ''));
    log.opened = true;
    log.protocol = protocol;
    echoLogs.set(id, { log, peer });
  });
  echo.on('data_received', (id) => {
    const peer = echo.getPeer(id);
    if (peer === null) return;
    const entry = echoLogs.get(id);
    if (entry) entry.log.messages++;
    const message = peer.getMessage();
    if (typeof message === 'string') peer.sendText(message);
    else if (message !== null) peer.send(message);
  });
  echo.on('client_close_request', (id, code, reason) => {
    const entry = echoLogs.get(id);
    if (entry) entry.log.closeRequest = { code, reason };
  });
  echo.on('client_disconnected', (id, wasClean) => {
    const entry = echoLogs.get(id);
    if (entry) entry.log.closed = { code: entry.peer.closeCode, reason: entry.peer.closeReason, wasClean };
    echoLogs.delete(id);
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const deadPort = await freePort();
  const godotPort = await freePort();
  const godot = startGodot('ws_echo_server.gd', { port: godotPort, lifetime: 1800 }, 1_800_000);
  await godot.waitFor('listening', 15_000);
  return {
    urls: {
      rawEcho: `ws://127.0.0.1:${port}/echo`,
      wspeerEcho: `ws://127.0.0.1:${port}/wspeer-echo`,
      wspeerHeartbeat: `ws://127.0.0.1:${port}/wspeer-heartbeat`,
      http: `http://127.0.0.1:${port}`,
      godotEcho: `ws://127.0.0.1:${godotPort}/`,
      deadPort,
    },
    close: async () => {
      await godot.stop();
      echo.stop();
      heartbeat.stop();
      for (const client of raw.clients) client.terminate();
      raw.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that was free a moment ago (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { UpgradeRouter } from '@wspeer/transport-node';
import { type RawData, type WebSocket, WebSocketServer as WsServer } from 'ws';
import { ErrorCode, type WebSocketPeer } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { WebSocketServer } from 'wspeer/server';
import { type GodotProcess, startGodot } from './godot-runner.js';
import type { ConnectionLog } from './server-log.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
import type { MultiplayerRoom, MultiplayerRoomLog, TestUrls } from './test-urls.js';

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

  const rooms = new Map<string, { peer: WebSocketMultiplayerPeer; log: MultiplayerRoomLog; proxy?: TcpProxy }>();
  let base = '';
  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const reply = (status: number, body: unknown): void => {
      response.writeHead(status, {
        'Content-Type': 'application/json',
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST',
      });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'OPTIONS') return reply(204, null);
    if (url.pathname === '/mp-room' && request.method === 'POST') {
      const wire = url.searchParams.get('wire') === 'godot4' ? 'godot4' : 'godot3';
      const grace = Number(url.searchParams.get('grace') ?? '5');
      const room = openRoom(http, `/mp-room/${rooms.size + 1}`, wire, url.searchParams.get('echo') !== '0', grace);
      if (room === null) return reply(500, { error: 'attachServer failed' });
      rooms.set(room.path, room);
      const log = `http://${base}/mp-room-log?path=${room.path}`;
      const control = `http://${base}/mp-room-control?path=${room.path}`;
      if (url.searchParams.get('proxy') !== '1') return reply(200, { url: `ws://${base}${room.path}`, log, control });
      void startTcpProxy(Number(base.split(':')[1])).then((proxy) => {
        room.proxy = proxy;
        reply(200, {
          url: `ws://${base}${room.path}`,
          proxyUrl: `ws://127.0.0.1:${proxy.port}${room.path}`,
          log,
          control,
        });
      });
      return;
    }
    if (url.pathname === '/mp-room-control' && request.method === 'POST') {
      // drop=<id>: the server destroys that client's socket; blackhole=1: the room's proxy swallows
      // its live connections; reset=1: the proxy destroys them.
      const room = rooms.get(url.searchParams.get('path') ?? '');
      if (room === undefined) return reply(404, null);
      const drop = Number(url.searchParams.get('drop') ?? '0');
      const peer = drop === 0 ? null : room.peer.getPeer(drop);
      if (peer !== null) peer.close(-1);
      const swallowed = url.searchParams.get('blackhole') === '1' ? (room.proxy?.blackhole() ?? 0) : 0;
      const reset = url.searchParams.get('reset') === '1' ? (room.proxy?.destroyAll() ?? 0) : 0;
      return reply(200, { dropped: peer !== null, swallowed, reset, peers: room.peer.getPeerIds() });
    }
    if (url.pathname === '/mp-room-log') {
      const room = rooms.get(url.searchParams.get('path') ?? '');
      return reply(room ? 200 : 404, room?.log ?? null);
    }
    const log = url.pathname === '/log' ? logs.get(url.searchParams.get('id') ?? '') : undefined;
    reply(log ? 200 : 404, log ?? null);
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
  // 0.2 s: pings every 0.1 s; a browser stalled by a loaded machine for a whole interval would be dropped.
  const heartbeat = new WebSocketServer({ autoPoll: true, heartbeatInterval: 0.2 });
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
  base = `127.0.0.1:${port}`;
  const deadPort = await freePort();
  const godotPort = await freePort();
  const godot = startGodot('ws_echo_server.gd', { port: godotPort, lifetime: 1800 }, 1_800_000);
  const godotProcesses = [godot];
  const close = async (): Promise<void> => {
    await Promise.all(godotProcesses.map((p) => p.stop()));
    for (const room of rooms.values()) {
      room.peer.close();
      await room.proxy?.close();
    }
    rooms.clear();
    echo.stop();
    heartbeat.stop();
    for (const client of raw.clients) client.terminate();
    raw.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  };
  const [room, listening] = await Promise.allSettled([startGodotRoom(), godot.waitFor('listening', 15_000)]);
  if (room.status === 'fulfilled') godotProcesses.push(...room.value.processes);
  if (room.status === 'rejected' || listening.status === 'rejected') {
    await close();
    throw room.status === 'rejected' ? room.reason : (listening as PromiseRejectedResult).reason;
  }
  return {
    urls: {
      rawEcho: `ws://127.0.0.1:${port}/echo`,
      wspeerEcho: `ws://127.0.0.1:${port}/wspeer-echo`,
      wspeerHeartbeat: `ws://127.0.0.1:${port}/wspeer-heartbeat`,
      http: `http://127.0.0.1:${port}`,
      godotEcho: `ws://127.0.0.1:${godotPort}/`,
      godotRoom: room.value.room,
      deadPort,
    },
    close,
  };
}

/**
 * A multiplayer room on `path` of `http` (auto-poll): records who joins and leaves and every
 * packet it receives, and (with `echo`) sends each packet back to its sender.
 */
function openRoom(
  http: ReturnType<typeof createServer>,
  path: string,
  wire: 'godot3' | 'godot4',
  echo: boolean,
  resumeGrace: number,
): { path: string; peer: WebSocketMultiplayerPeer; log: MultiplayerRoomLog; proxy?: TcpProxy } | null {
  const peer = new WebSocketMultiplayerPeer({ wire, autoPoll: true, log: null, resumeGrace });
  const log: MultiplayerRoomLog = { wire, events: [] };
  peer.on('peer_connected', (id) => log.events.push(`connected:${id}`));
  peer.on('peer_disconnected', (id) => log.events.push(`disconnected:${id}`));
  peer.on('packet_dropped', (from, reason) => log.events.push(`dropped:${from}:${reason}`));
  peer.on('peer_packet', () => {
    while (peer.getAvailablePacketCount() > 0) {
      const from = peer.getPacketPeer();
      const packet = peer.getPacket();
      log.events.push(`packet:${from}:${Buffer.from(packet).toString('hex')}`);
      if (!echo) continue;
      peer.setTargetPeer(from);
      peer.putPacket(packet);
    }
  });
  if (peer.attachServer(http, path) !== ErrorCode.OK) return null;
  return { path, peer, log };
}

/**
 * A real Godot 3.2.3 multiplayer game room: `mp_server.gd` (tree mode, echoes what it receives)
 * and one `mp_client.gd` (direct mode) that greets every client that joins and echoes packets.
 */
async function startGodotRoom(): Promise<{ room: MultiplayerRoom; processes: GodotProcess[] }> {
  const port = await freePort();
  const server = startGodot('mp_server.gd', { port, mode: 'tree', echo: 1, lifetime: 1800 }, 1_800_000);
  const processes = [server];
  try {
    await server.waitFor('listening', 15_000);
    const url = `ws://127.0.0.1:${port}/`;
    const client = startGodot('mp_client.gd', { url, mode: 'direct', greet: 1, echo: 1, lifetime: 1800 }, 1_800_000);
    processes.push(client);
    const joined = await client.waitFor('connection_succeeded', 15_000);
    return { room: { url, greeter: Number(joined.id) }, processes };
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    throw error;
  }
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

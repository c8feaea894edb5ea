import { createServer, type Server } from 'node:http';
import { CloseCode } from 'wspeer';
import { type ArenaEndpoint, arenaEndpoint } from './arena-endpoint.js';
import { chatEndpoint } from './chat-endpoint.js';
import { chatMultiplayerEndpoint } from './chat-mp-endpoint.js';
import { echoEndpoint } from './echo-endpoint.js';
import { type GameEndpoint, gameEndpoint } from './game-endpoint.js';
import { mirrorEndpoint } from './mirror-endpoint.js';
import { pingEndpoint } from './ping-endpoint.js';
import { staticFiles } from './static-files.js';

/** Where and what the demo server serves. */
export interface DemoServerOptions {
  /** TCP port (0 = any free port). */
  port: number;
  /** Address to bind; 127.0.0.1 by default. */
  host: string;
  /** Folder of the built demo page. */
  staticRoot: string;
  /** Where log lines go (default: stdout). */
  log?: (line: string) => void;
}

/** A running demo server. */
export interface DemoServer {
  /** The page's URL, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  /** The bound port. */
  readonly port: number;
  /** The `/game` endpoint (peer, API and game state). */
  readonly game: GameEndpoint;
  /** The `/arena` endpoint (Godot 4 replication, authoritative at 30 Hz). */
  readonly arena: ArenaEndpoint;
  /** Closes every WebSocket with 1001 and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts the demo: the page over HTTP and, on the same port, the WebSocket endpoints `/echo`,
 * `/mirror`, `/chat` (raw), `/chat/mp` (multiplayer mode), `/game` (the dice game), `/arena` (the
 * Godot 4 real-time arena) and `/ping` (a silent echo for the page's round-trip-time meter).
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const serve = staticFiles(options.staticRoot);
  const http: Server = createServer((request, response) => {
    serve(request, response).catch(() => response.writeHead(500).end());
  });
  const servers = [
    echoEndpoint(http, log),
    mirrorEndpoint(http, log),
    chatEndpoint(http, log),
    chatMultiplayerEndpoint(http, log),
    pingEndpoint(http),
  ];
  const game = gameEndpoint(http, log);
  const arena = arenaEndpoint(http, log);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`,
    port,
    game,
    arena,
    close: async () => {
      arena.stop(CloseCode.GOING_AWAY, 'Server shutting down');
      for (const server of servers) server.stop(CloseCode.GOING_AWAY, 'Server shutting down');
      game.peer.stop(CloseCode.GOING_AWAY, 'Server shutting down');
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

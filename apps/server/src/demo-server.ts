import { createServer, type Server } from 'node:http';
import { CloseCode, type ServerStats } from 'wspeer';
import { RedisCluster } from 'wspeer/cluster';
import type { RpcStats } from 'wspeer/rpc';
import type { SceneStats } from 'wspeer/scene';
import { type ArenaEndpoint, arenaEndpoint } from './arena-endpoint.js';
import { chatEndpoint } from './chat-endpoint.js';
import { chatMultiplayerEndpoint } from './chat-mp-endpoint.js';
import { boundedLog } from './demo-log.js';
import { echoEndpoint } from './echo-endpoint.js';
import { DEFAULT_ENDPOINT_SETTINGS } from './endpoint-settings.js';
import { type GameEndpoint, gameEndpoint } from './game-endpoint.js';
import { type Game4Endpoint, game4Endpoint } from './game4-endpoint.js';
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
  /** Where log lines go (default: stdout). At most 20 lines of a kind a second reach it, cut at 240 characters. */
  log?: (line: string) => void;
  /** Heartbeat of every endpoint in seconds (default 5: a dead client is gone within 10 s); 0 = off. */
  heartbeatInterval?: number;
  /**
   * A Redis URL: `/chat/mp`'s room spans every demo process on that Redis (namespace `wspeer-demo`).
   * The other endpoints stay per process (the dice game and the arena keep their state in one host).
   */
  redis?: string;
}

/** What every endpoint of the demo has seen (see `ServerStats` and `RpcStats`). */
export interface DemoServerStats {
  /** Each WebSocket endpoint's server, by path. */
  endpoints: Record<string, ServerStats>;
  /** The `/game` endpoint's RPC layer. */
  rpc: RpcStats;
  /** The `/game4` endpoint's SceneMultiplayer. */
  scene: SceneStats;
  /** Dice-game out-of-turn requests that were not announced (the same cheater within a second), both wires. */
  cheatsSuppressed: number;
}

/** A running demo server. */
export interface DemoServer {
  /** The page's URL, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  /** The bound port. */
  readonly port: number;
  /** The `/game` endpoint (Godot 3 wire: peer, API and game state). */
  readonly game: GameEndpoint;
  /** The `/game4` endpoint (Godot 4 wire: peer, SceneMultiplayer and game state). */
  readonly game4: Game4Endpoint;
  /** The `/arena` endpoint (Godot 4 replication, authoritative at 30 Hz). */
  readonly arena: ArenaEndpoint;
  /** What every endpoint has seen. */
  stats(): DemoServerStats;
  /** Closes every WebSocket with 1001 and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts the demo: the page over HTTP and, on the same port, the WebSocket endpoints `/echo`,
 * `/mirror`, `/chat` (raw), `/chat/mp` (multiplayer mode), `/game` and `/game4` (the dice game for
 * Godot 3 and Godot 4 clients), `/arena` (the Godot 4 real-time arena) and `/ping` (a silent echo for
 * the page's round-trip-time meter).
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const log = boundedLog(options.log ?? ((line: string) => console.log(line)));
  const settings = { heartbeatInterval: options.heartbeatInterval ?? DEFAULT_ENDPOINT_SETTINGS.heartbeatInterval };
  const serve = staticFiles(options.staticRoot);
  const http: Server = createServer((request, response) => {
    serve(request, response).catch(() => response.writeHead(500).end());
  });
  const cluster =
    options.redis === undefined ? null : new RedisCluster({ url: options.redis, namespace: 'wspeer-demo', log });
  try {
    await cluster?.connect(); // rejects, saying why, when Redis cannot be reached
  } catch (error) {
    throw Object.assign(new Error(`cannot use Redis at ${options.redis}: ${(error as Error).message}`), {
      redis: true,
    });
  }
  const servers = {
    '/echo': echoEndpoint(http, log, settings),
    '/mirror': mirrorEndpoint(http, log, settings),
    '/chat': chatEndpoint(http, log, settings),
    '/chat/mp': chatMultiplayerEndpoint(http, log, settings, cluster?.room),
    '/ping': pingEndpoint(http, settings),
  };
  const game = gameEndpoint(http, log, settings);
  const game4 = game4Endpoint(http, log, settings);
  const arena = arenaEndpoint(http, log, settings);
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    for (const server of Object.values(servers)) server.stop();
    for (const peer of [game.peer, game4.peer]) peer.stop();
    arena.stop();
    await cluster?.close();
    throw error;
  }
  const address = http.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`,
    port,
    game,
    game4,
    arena,
    stats: () => ({
      endpoints: {
        ...Object.fromEntries(Object.entries(servers).map(([path, server]) => [path, server.stats()])),
        '/game': game.peer.stats() as ServerStats,
        '/game4': game4.peer.stats() as ServerStats,
        '/arena': arena.peer.stats() as ServerStats,
      },
      rpc: game.api.stats(),
      scene: game4.multiplayer.stats(),
      cheatsSuppressed: game.game.cheatsSuppressed + game4.game.cheatsSuppressed,
    }),
    close: async () => {
      arena.stop(CloseCode.GOING_AWAY, 'Server shutting down');
      for (const server of Object.values(servers)) server.stop(CloseCode.GOING_AWAY, 'Server shutting down');
      game.peer.stop(CloseCode.GOING_AWAY, 'Server shutting down');
      game4.peer.stop(CloseCode.GOING_AWAY, 'Server shutting down');
      await cluster?.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

import { createServer, type Server } from 'node:http';
import { CloseCode, CloseReason, ErrorCode, WriteMode } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';
import { WebSocketServer } from 'wspeer/server';

/** Settings of an attack target. */
export interface TargetOptions {
  /** Heartbeat of every endpoint in seconds (0 = off). */
  heartbeatInterval: number;
  /** Where log lines go (counted, not kept). */
  log: (line: string) => void;
}

/** A running attack target. */
export interface Target {
  /** The HTTP port every endpoint shares. */
  port: number;
  /** Each endpoint's stats and the RPC layer's. */
  stats(): Record<string, unknown>;
  /** Stops everything. */
  close(): Promise<void>;
}

/** Node path of the RPC node of the public target. */
export const TARGET_NODE = 'Main/Game';

/**
 * A server built only with wspeer's public API and its defaults, as an app would write it: on one
 * HTTP server, `/echo` (a raw `WebSocketServer` echo that cuts a client that does not read) and
 * `/relay` (a Godot 3 `WebSocketMultiplayerPeer` room with a `MultiplayerAPI` whose node
 * `Main/Game` answers `ping(n)` with `pong(n)`).
 */
export async function startPublicTarget(options: TargetOptions): Promise<Target> {
  const http: Server = createServer((_request, response) => response.end('ok\n'));
  const echo = new WebSocketServer({ autoPoll: true, heartbeatInterval: options.heartbeatInterval });
  echo.on('data_received', (id) => {
    const peer = echo.getPeer(id);
    if (peer === null) return;
    const packet = peer.getPacket();
    if (peer.send(packet, peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY) === ErrorCode.ERR_OUT_OF_MEMORY) {
      peer.close(CloseCode.POLICY_VIOLATION, CloseReason.BUFFER_OVERFLOW);
    }
  });
  echo.attach(http, { path: '/echo' });
  const relay = new WebSocketMultiplayerPeer({
    autoPoll: true,
    heartbeatInterval: options.heartbeatInterval,
    log: options.log,
  });
  const api = new MultiplayerAPI(relay, { autoPoll: true, log: options.log });
  const node = api.node(TARGET_NODE, {
    methods: {
      ping: { mode: 'any_peer', handler: (n: number) => node.rpcId(api.getRpcSenderId(), 'pong', n) },
      pong: { mode: 'any_peer', handler: (_n: number) => {} },
    },
  });
  relay.attachServer(http, '/relay');
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    port: (http.address() as { port: number }).port,
    stats: () => ({ endpoints: { '/echo': echo.stats(), '/relay': relay.stats() }, rpc: api.stats() }),
    close: async () => {
      echo.stop();
      relay.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

import type { ListenerFactory } from '@wspeer/core';
import { WebSocketServer } from './multiplayer-server.js';
import type { MultiplayerServerFactory } from './websocket-multiplayer-peer.js';

/** A {@link MultiplayerServerFactory} that listens with `listen` (the Node listener, or a loopback network's). */
export function multiplayerServer(listen: ListenerFactory): MultiplayerServerFactory {
  return (options, session) => new WebSocketServer({ ...options, listen }, session);
}

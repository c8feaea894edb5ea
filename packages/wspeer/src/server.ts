/**
 * wspeer's Node-only server side: `WebSocketServer` (Godot 3, raw and multiplayer mode) and
 * `TCPServer` (Godot 4, for `WebSocketPeer.acceptStream`), bound to the Node listener. In a browser
 * bundle this entry resolves to `server-browser.ts`, which throws a clear error when imported.
 */
import { TCPServer as CoreTCPServer } from '@wspeer/core';
import { type MultiplayerServerOptions, WebSocketServer as MultiplayerWebSocketServer } from '@wspeer/multiplayer';
import { createNodeListener } from '@wspeer/transport-node';
import { envDebug } from './env-debug.js';

export type {
  ListenOptions,
  ServerTlsOptions,
  TCPServerListenOptions,
  WebSocketServerEvents,
  WebSocketServerOptions,
} from '@wspeer/core';
export type { MultiplayerServerEvents, MultiplayerServerOptions } from '@wspeer/multiplayer';

/**
 * Godot 3's `WebSocketServer` with multiplayer mode (`listen(port, protocols, true)`), on Node's
 * `http`/`https`. Node only: importing `wspeer/server` in a browser bundle throws.
 */
export class WebSocketServer extends MultiplayerWebSocketServer {
  constructor(options: MultiplayerServerOptions = {}) {
    super({ listen: createNodeListener, debug: envDebug(), ...options });
  }
}

/**
 * Godot 4's `TCPServer` (for `WebSocketPeer.acceptStream`), listening with Node's `http`/`https`.
 * Node only: importing `wspeer/server` in a browser bundle throws.
 */
export class TCPServer extends CoreTCPServer {
  constructor() {
    super(createNodeListener);
  }
}

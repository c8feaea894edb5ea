/**
 * wspeer for Node: the peer API with the `ws` transport. Selected by the `node` export condition;
 * browsers get `browser.ts` with the same exports. `WSPEER_DEBUG=1` prints connection events and
 * frames to stderr (see `envDebug`).
 */
import {
  WebSocketClient as CoreWebSocketClient,
  FullWebSocketPeer,
  type WebSocketClientOptions,
  type WebSocketPeerOptions,
} from '@wspeer/core';
import { connectNode } from '@wspeer/transport-node';
import { envDebug } from './env-debug.js';

export * from './public-core.js';

/** Which transport this entry binds: `"node-ws"` here, `"browser"` in the browser entry. */
export const defaultAdapter: string = 'node-ws';

/** Godot 4's `WebSocketPeer`, connecting with `ws` (with the server side, heartbeat and socket queries). */
export class WebSocketPeer extends FullWebSocketPeer {
  constructor(options: WebSocketPeerOptions = {}) {
    super({ connect: connectNode, debug: envDebug(), ...options });
  }
}

/** Godot 3's `WebSocketClient`, connecting with `ws`. */
export class WebSocketClient extends CoreWebSocketClient {
  constructor(options: WebSocketClientOptions = {}) {
    super({ connect: connectNode, debug: envDebug(), ...options });
  }
}

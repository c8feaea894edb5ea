/**
 * wspeer/multiplayer for browsers: Godot's multiplayer clients with the page's WebSocket.
 * `createServer` returns `ERR_UNAVAILABLE` here (browsers cannot listen), and the server side
 * (`attachServer` and the server-only settings) is left out of the bundle; `stats()` is `null` and
 * `listening()` rejects, as on a Node client.
 */

import { ErrorCode, msg, WebSocketError } from '@wspeer/core';
import {
  type MultiplayerClientOptions,
  WebSocketMultiplayerClientPeer as MultiplayerPeerBase,
  WebSocketClient as MultiplayerWebSocketClient,
  type WebSocketMultiplayerPeerOptions,
} from '@wspeer/multiplayer';
import { connectBrowser } from '@wspeer/transport-browser';

export * from './public-multiplayer.js';

/** Godot 4's `WebSocketMultiplayerPeer` (clients) over the page's WebSocket. */
export class WebSocketMultiplayerPeer extends MultiplayerPeerBase {
  constructor(options: WebSocketMultiplayerPeerOptions = {}) {
    super({ connect: connectBrowser, ...options });
  }

  /** Browsers cannot serve: always `null`, as a client's `stats()` in Node. */
  stats(): null {
    return null;
  }

  /** Browsers cannot serve: rejects with `ERR_UNCONFIGURED`, as a client's `listening()` in Node. */
  listening(): Promise<number> {
    return Promise.reject(new WebSocketError(ErrorCode.ERR_UNCONFIGURED, msg`ERR_UNCONFIGURED: not a server`));
  }
}

/** Godot 3's `WebSocketClient` with multiplayer mode, over the page's WebSocket. */
export class WebSocketClient extends MultiplayerWebSocketClient {
  constructor(options: MultiplayerClientOptions = {}) {
    super({ connect: connectBrowser, ...options });
  }
}

/**
 * wspeer/multiplayer for browsers: Godot's multiplayer clients with the page's WebSocket.
 * `createServer` returns `ERR_UNAVAILABLE` here (browsers cannot listen), and the server side
 * (`attachServer`, `listening`, `stats`, the server-only settings) is left out of the bundle.
 */
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
}

/** Godot 3's `WebSocketClient` with multiplayer mode, over the page's WebSocket. */
export class WebSocketClient extends MultiplayerWebSocketClient {
  constructor(options: MultiplayerClientOptions = {}) {
    super({ connect: connectBrowser, ...options });
  }
}

/**
 * wspeer for browsers: the peer API with the page's WebSocket. Selected by the `browser` export
 * condition (and `default`); Node gets `node.ts` with the same exports.
 */
import {
  WebSocketClient as CoreWebSocketClient,
  WebSocketPeer as CoreWebSocketPeer,
  type WebSocketClientOptions,
  type WebSocketPeerOptions,
} from '@wspeer/core';
import { connectBrowser } from '@wspeer/transport-browser';

export * from './public-core.js';

/** Which transport this entry binds: `"browser"` here, `"node-ws"` in the Node entry. */
export const defaultAdapter: string = 'browser';

/** Godot 4's `WebSocketPeer`, connecting with the page's WebSocket. */
export class WebSocketPeer extends CoreWebSocketPeer {
  constructor(options: WebSocketPeerOptions = {}) {
    super({ connect: connectBrowser, ...options });
  }
}

/** Godot 3's `WebSocketClient`, connecting with the page's WebSocket. */
export class WebSocketClient extends CoreWebSocketClient {
  constructor(options: WebSocketClientOptions = {}) {
    super({ connect: connectBrowser, ...options });
  }
}

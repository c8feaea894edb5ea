/**
 * wspeer/multiplayer for Node: Godot's multiplayer peers with the `ws` transport and the Node
 * listener. Browsers get `multiplayer-browser.ts` (clients only) with the same exports.
 */
import {
  type MultiplayerClientOptions,
  WebSocketMultiplayerPeer as MultiplayerPeerBase,
  type MultiplayerServerOptions,
  type MultiplayerSession,
  WebSocketClient as MultiplayerWebSocketClient,
  WebSocketServer as MultiplayerWebSocketServer,
  type WebSocketMultiplayerPeerOptions,
} from '@wspeer/multiplayer';
import { connectNode, createNodeListener } from '@wspeer/transport-node';

export * from '@wspeer/multiplayer';

/** Godot 4's `WebSocketMultiplayerPeer` (servers and clients) over `ws`. */
export class WebSocketMultiplayerPeer extends MultiplayerPeerBase {
  constructor(options: WebSocketMultiplayerPeerOptions = {}) {
    super({ connect: connectNode, server: (o, session) => new WebSocketServer(o, session), ...options });
  }
}

/** Godot 3's `WebSocketClient` with multiplayer mode (`connectToUrl(url, protocols, true)`), over `ws`. */
export class WebSocketClient extends MultiplayerWebSocketClient {
  constructor(options: MultiplayerClientOptions = {}, session?: MultiplayerSession) {
    super({ connect: connectNode, ...options }, session);
  }
}

/** Godot 3's `WebSocketServer` with multiplayer mode (`listen(port, protocols, true)`), on Node's `http`. */
export class WebSocketServer extends MultiplayerWebSocketServer {
  constructor(options: MultiplayerServerOptions = {}, session?: MultiplayerSession) {
    super({ listen: createNodeListener, ...options }, session);
  }
}

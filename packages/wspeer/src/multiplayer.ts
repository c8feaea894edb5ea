/**
 * wspeer/multiplayer for Node: Godot's multiplayer peers with the `ws` transport and the Node
 * listener. Browsers get `multiplayer-browser.ts` (clients only) with the same exports.
 */
import {
  type MultiplayerClientOptions,
  WebSocketMultiplayerPeer as MultiplayerPeerBase,
  WebSocketClient as MultiplayerWebSocketClient,
  multiplayerServer,
  type WebSocketMultiplayerPeerOptions,
} from '@wspeer/multiplayer';
import { connectNode, createNodeListener } from '@wspeer/transport-node';
import { envDebug } from './env-debug.js';

export * from './public-multiplayer.js';

/** Godot 4's `WebSocketMultiplayerPeer` (servers and clients) over `ws`. */
export class WebSocketMultiplayerPeer extends MultiplayerPeerBase {
  constructor(options: WebSocketMultiplayerPeerOptions = {}) {
    super({
      connect: connectNode,
      server: multiplayerServer(createNodeListener, {
        resumeGrace: options.resumeGrace ?? 5,
        resumeBufferSize: options.resumeBufferSize ?? 1 << 20,
        ...(options.room === undefined ? {} : { room: options.room }),
      }),
      debug: envDebug(),
      ...options,
    });
  }
}

/** Godot 3's `WebSocketClient` with multiplayer mode (`connectToUrl(url, protocols, true)`), over `ws`. */
export class WebSocketClient extends MultiplayerWebSocketClient {
  constructor(options: MultiplayerClientOptions = {}) {
    super({ connect: connectNode, debug: envDebug(), ...options });
  }
}

/**
 * wspeer's Node-only server side: `WebSocketServer` bound to the Node listener. Importing this
 * entry in a browser bundle resolves to a stub that throws a clear error.
 */
import {
  TCPServer as CoreTCPServer,
  WebSocketServer as CoreWebSocketServer,
  type WebSocketServerOptions,
} from '@wspeer/core';
import { createNodeListener } from '@wspeer/transport-node';

export { connectNode, createNodeListener, NodeTransport, UpgradeRouter } from '@wspeer/transport-node';

/** Godot 3's `WebSocketServer`, listening with Node's `http`/`https` and `ws`. */
export class WebSocketServer extends CoreWebSocketServer {
  constructor(options: WebSocketServerOptions = {}) {
    super({ listen: createNodeListener, ...options });
  }
}

/** Godot 4's `TCPServer` (for `WebSocketPeer.acceptStream`), listening with Node's `http`/`https`. */
export class TCPServer extends CoreTCPServer {
  constructor() {
    super(createNodeListener);
  }
}

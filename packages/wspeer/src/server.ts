/**
 * wspeer's Node-only server side: `WebSocketServer` (Godot 3, raw and multiplayer mode) and
 * `TCPServer` (Godot 4, for `WebSocketPeer.acceptStream`), bound to the Node listener. Importing
 * this entry in a browser bundle resolves to a stub that throws a clear error.
 */
import { TCPServer as CoreTCPServer } from '@wspeer/core';
import { createNodeListener } from '@wspeer/transport-node';

export { connectNode, createNodeListener, NodeTransport, UpgradeRouter } from '@wspeer/transport-node';
export { WebSocketServer } from './multiplayer.js';

/** Godot 4's `TCPServer` (for `WebSocketPeer.acceptStream`), listening with Node's `http`/`https`. */
export class TCPServer extends CoreTCPServer {
  constructor() {
    super(createNodeListener);
  }
}

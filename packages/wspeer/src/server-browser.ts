/**
 * The `browser` side of `wspeer/server`. Servers need Node (browsers cannot accept connections).
 * It exports the Node entry's names so that a bundler builds the page (a missing export would stop
 * the build with "X is not exported", which says nothing useful); using any of them throws the
 * message below.
 */
const NODE_ONLY =
  'wspeer/server is Node-only (browsers cannot accept connections): use WebSocketServer and TCPServer in ' +
  'server code; browser code uses "wspeer" and "wspeer/multiplayer".';

/** Throws: `wspeer/server` is Node-only. */
export class WebSocketServer {
  constructor() {
    throw new Error(NODE_ONLY);
  }
}

/** Throws: `wspeer/server` is Node-only. */
export class TCPServer {
  constructor() {
    throw new Error(NODE_ONLY);
  }
}

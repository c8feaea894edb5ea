/**
 * Keys of the members that wspeer's own classes call on each other across modules and packages
 * (a peer and its link, a peer and whoever observes it). Symbols rather than names, so these
 * members are not part of the public API: the public entries never export these keys, and
 * editors do not offer the members. Same pattern as multiplayer's `SESSION`. No descriptions: they would
 * ship in every browser bundle and say nothing a reader of this file does not know.
 */

/** `WebSocketPeer[OBSERVE](observer)`: lets a wrapper (client, server, multiplayer peer) observe a peer. */
export const OBSERVE: unique symbol = Symbol();
/** `LinkTarget[LINK_MESSAGE](data, isText)`: a link delivers one message to its peer. */
export const LINK_MESSAGE: unique symbol = Symbol();
/** `LinkTarget[LINK_CONTROL](kind, text, code, wasClean)`: a link delivers a control event to its peer. */
export const LINK_CONTROL: unique symbol = Symbol();
/**
 * `Reconnect[RECONNECT](peer, wasOpen)`: a client `peer`'s connection that it did not close ended
 * (`wasOpen` false: an attempt failed).
 */
export const RECONNECT: unique symbol = Symbol();
/** `WebSocketPeer[GATE]`: a server's `SenderGate` of the client this peer is (`null` for a client's own peer). */
export const GATE: unique symbol = Symbol();

// Between `WebSocketPeer` (what every runtime runs) and `FullWebSocketPeer` (what it adds where the
// transport can serve, ping, pause and tell its address: Node, the loopback), so that browser bundles
// carry none of the additions.

/** `WebSocketPeer[OPEN](url, create)`: starts a connection whose transport `create` makes. */
export const OPEN: unique symbol = Symbol();
/** `WebSocketPeer[TRANSPORT]`: the current connection's transport, or `null`. */
export const TRANSPORT: unique symbol = Symbol();
/** `WebSocketPeer[PROTOCOLS]`, `[HEADERS]`: the stored `supportedProtocols`, `handshakeHeaders` (maybe a shared empty list). */
export const PROTOCOLS: unique symbol = Symbol();
/** See {@link PROTOCOLS}. */
export const HEADERS: unique symbol = Symbol();
/** `WebSocketPeer[INBOUND]`: the inbound queue (for back-pressure). */
export const INBOUND: unique symbol = Symbol();
/**
 * `WebSocketPeer[PAUSED]`, `[BEAT_TIMER]`: `FullWebSocketPeer`'s state (reading paused, the
 * heartbeat's timer). Declared on `WebSocketPeer`, so that the full class adds no member and either
 * class's objects fit the other's type (what `getPeer()` returns is the type `wspeer` exports).
 */
export const PAUSED: unique symbol = Symbol();
/** See {@link PAUSED}. */
export const BEAT_TIMER: unique symbol = Symbol();
/** `WebSocketPeer[BEAT]()`: the heartbeat, run by `poll()` while open with a `heartbeatInterval`. */
export const BEAT: unique symbol = Symbol();
/**
 * `TransportConnector[PEER_CLASS]`: the peer class a connector's transports call for (its
 * `FullWebSocketPeer` when they can ping, pause and tell their address). `WebSocketClient` builds its
 * peer with it, so a client in Node gets the full peer and a browser client the plain one.
 */
export const PEER_CLASS: unique symbol = Symbol();
/**
 * `WebSocketPeer[WAITS]`: the pending `opened`/`closed`/`nextMessage` promises of a peer (a `WaiterList`,
 * made by the first of them), settled by `poll()`. The helpers are functions, so bundles that never wait
 * carry none of them.
 */
export const WAITS: unique symbol = Symbol();

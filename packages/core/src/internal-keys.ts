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

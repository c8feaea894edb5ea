/**
 * `node[MEMBER](set, name)`: the mode and spec of a property (`set`) or method of an `RpcNode`, or
 * `undefined`; only `MultiplayerAPI` calls it. A symbol rather than a name, so it is not part of the
 * public API (the public entries never export it).
 */
export const MEMBER: unique symbol = Symbol('wspeer.member');

/**
 * `api[SEND](node, peer, unreliable, set, name, values)`: what every `rpc*`/`rset*` method of an `RpcNode` calls on its
 * `MultiplayerAPI` (see `RpcHost`). A symbol, so it stays off the public API.
 */
export const SEND: unique symbol = Symbol('wspeer.send');

/** `api[NODES]`: the registered nodes by path (`RpcNode.setNetworkMaster` recurses through them). */
export const NODES: unique symbol = Symbol('wspeer.nodes');

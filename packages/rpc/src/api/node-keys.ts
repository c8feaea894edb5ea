/**
 * `node[MEMBER](set, name)`: the mode and spec of a property (`set`) or method of an `RpcNode`, or
 * `undefined`; only `MultiplayerAPI` calls it. A symbol rather than a name, so it is not part of the
 * public API (the public entries never export it).
 */
export const MEMBER: unique symbol = Symbol('wspeer.member');

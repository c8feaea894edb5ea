/**
 * Keys of the `RpcNode` members that only `MultiplayerAPI` calls. Symbols rather than names, so
 * they are not part of the public API (the public entries never export these keys).
 */

/** `node[METHOD_ENTRY](name)`: the mode and spec of a method, or `undefined`. */
export const METHOD_ENTRY: unique symbol = Symbol('wspeer.methodEntry');
/** `node[PROPERTY_ENTRY](name)`: the mode and spec of a property, or `undefined`. */
export const PROPERTY_ENTRY: unique symbol = Symbol('wspeer.propertyEntry');
/** `node[SET_MASTER_ONLY](id)`: sets the node's master without recursing into its children. */
export const SET_MASTER_ONLY: unique symbol = Symbol('wspeer.setMasterOnly');

import type * as modes from './constants/rpc-mode-values.js';

/**
 * Godot 4's `MultiplayerAPI.RPCMode`: who may call an `@rpc` method. A module namespace (frozen,
 * `RpcMode.ANY_PEER` reads like an object member): bundlers inline the numbers.
 */
export * as RpcMode from './constants/rpc-mode-values.js';

/** One of the numbers in {@link RpcMode}. */
export type RpcMode = (typeof modes)[keyof typeof modes];

/** A mode by its GDScript name, as in `@rpc("any_peer")`. */
export type RpcModeName = 'authority' | 'any_peer' | 'disabled';

/** How a method's packets travel, by GDScript name (reported: WebSocket is always reliable and ordered). */
export type TransferModeName = 'reliable' | 'unreliable' | 'unreliable_ordered';

/**
 * wspeer/rpc: Godot 3.2's high-level multiplayer (`MultiplayerAPI`, RPC and rset by node path) and
 * the Variant binary codec. Runtime-agnostic: pair it with a peer from `wspeer/multiplayer`.
 */
export * from '@wspeer/rpc';

/**
 * wspeer/scene: Godot 4's high-level multiplayer (`SceneMultiplayer`: `@rpc` by node path with method
 * ids and compressed arguments, the path cache, authentication, the server relay; replication with
 * `SceneReplicationInterface`, `MultiplayerSpawner` and `MultiplayerSynchronizer`). Runtime-agnostic;
 * pair it with a `WebSocketMultiplayerPeer` from `wspeer/multiplayer` created with `wire: 'godot4'`.
 * For browsers: `SceneMultiplayer` without its server side (a server in a page passes
 * `{ server: sceneServer }`). A game that authenticates passes `{ auth: sceneAuth }` (in Node too).
 */
export { SceneMultiplayer } from '@wspeer/scene';
export * from './public-scene.js';

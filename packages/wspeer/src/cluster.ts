/**
 * wspeer's Node-only cluster adapter: one multiplayer room across several Node processes or
 * machines, over Redis. Pass `cluster.room` as the `room` option of a `WebSocketMultiplayerPeer`
 * or a `WebSocketServer`. In a browser bundle this entry resolves to `cluster-browser.ts`, which
 * throws a clear error when used.
 */
export {
  type ClusterStats,
  RedisCluster,
  type RedisClusterEvents,
  type RedisClusterOptions,
} from '@wspeer/cluster';
export type { Room, RoomFactory, RoomHost, ServerRoom } from '@wspeer/multiplayer';

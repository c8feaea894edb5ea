export { type ClusterLink, ClusterRoom } from './cluster-room.js';
export { type ClusterStats, RedisCluster, type RedisClusterEvents, type RedisClusterOptions } from './redis-cluster.js';

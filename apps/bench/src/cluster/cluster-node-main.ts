/**
 * One server process of the cluster benchmark: a `godot3` wire `WebSocketMultiplayerPeer` (autoPoll,
 * rate limits off, as the bench's other relay servers), alone or in a Redis room
 * (`node cluster-node-main.js [redis-url]`). Prints `{"port":N}` once listening; exits when its
 * standard input ends (the orchestrator's exit included).
 */
import { RedisCluster } from 'wspeer/cluster';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';

const url = process.argv[2];
const cluster = url === undefined ? null : new RedisCluster({ url, namespace: 'bench', log: null });
await cluster?.connect();
const peer = new WebSocketMultiplayerPeer({
  autoPoll: true,
  inboundBufferSize: 1 << 20,
  outboundBufferSize: 1 << 20,
  maxMessagesPerSecond: 0,
  maxBytesPerSecond: 0,
  log: null,
  ...(cluster === null ? {} : { room: cluster.room }),
});
peer.createServer(0, '127.0.0.1');
console.log(JSON.stringify({ port: await peer.listening(5000) }));
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
setTimeout(() => process.exit(3), 600_000).unref();

/**
 * The `browser` side of `wspeer/cluster`: a cluster node is a server, and servers need Node. It
 * exports the Node entry's class so that a bundler builds the page; using it throws the message below.
 */
const NODE_ONLY = 'wspeer/cluster is Node-only (it runs beside a server): use RedisCluster in server code.';

/** Throws: `wspeer/cluster` is Node-only. */
export class RedisCluster {
  constructor() {
    throw new Error(NODE_ONLY);
  }
}

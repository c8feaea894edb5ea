import { createServer, type Socket, connect as tcpConnect } from 'node:net';

/** A TCP proxy on 127.0.0.1 in front of a local port, that can make its live connections go silent. */
export interface TcpProxy {
  /** The port it listens on. */
  port: number;
  /**
   * Swallows everything on the connections open now, both ways, keeping their sockets open (a
   * dead link neither side is told of); connections opened later pass through.
   */
  blackhole(): number;
  /** Destroys both sockets of every connection open now (a reset). */
  destroyAll(): number;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

/** Starts a {@link TcpProxy} on 127.0.0.1 (a free port) forwarding to `127.0.0.1:targetPort`. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  const server = createServer((client) => {
    const upstream = tcpConnect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const swallowed = new Set<Socket>();
  return {
    port,
    blackhole() {
      let count = 0;
      for (const [client, upstream] of pairs) {
        if (swallowed.has(client)) continue;
        client.unpipe(upstream);
        upstream.unpipe(client);
        // Keep reading (so neither side sees back-pressure) and drop what arrives.
        client.on('data', () => {});
        upstream.on('data', () => {});
        client.resume();
        upstream.resume();
        swallowed.add(client);
        count++;
      }
      return count;
    },
    destroyAll() {
      const count = pairs.size;
      for (const [client, upstream] of [...pairs]) {
        client.destroy();
        upstream.destroy();
      }
      return count;
    },
    async close() {
      for (const [client, upstream] of [...pairs]) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import type { EchoProtocol } from '../client/echo-protocol.js';
import { closeConnections, openConnections } from '../client/open-connections.js';
import type { ServerProcess } from '../server-process.js';

/** Result of one connection-setup round. */
export interface ConnectResult {
  /** Connections established per second. */
  rate: number;
  seconds: number;
}

/** Connections opened and closed, untimed, before each timed batch (the accept path gets JIT-compiled). */
const WARM_UP_CONNECTIONS = 100;

/**
 * Opens `count` connections with `concurrency` handshakes in flight (TCP connect, upgrade, and the
 * protocol's own handshake: Socket.IO's open packet and namespace join) and times it; then closes
 * them all, untimed, and waits until the server has let go of them. A small untimed batch first
 * warms the server's accept path up.
 */
export async function runConnectLoad(
  server: ServerProcess,
  protocol: EchoProtocol,
  count: number,
  concurrency: number,
): Promise<ConnectResult> {
  await closeConnections(await openConnections(server.port, protocol, WARM_UP_CONNECTIONS, concurrency));
  const started = performance.now();
  const sockets = await openConnections(server.port, protocol, count, concurrency);
  const seconds = (performance.now() - started) / 1000;
  await closeConnections(sockets);
  return { rate: count / seconds, seconds };
}

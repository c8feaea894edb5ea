import { BenchSocket } from './bench-socket.js';
import type { EchoProtocol } from './echo-protocol.js';

/** What opening a connection needs from a protocol: the upgrade path and its own handshake. */
export type Handshake = Pick<EchoProtocol, 'path' | 'prepare'>;

/**
 * Opens `count` connections to `127.0.0.1:port` with at most `concurrency` handshakes in flight,
 * each ready for application messages (the protocol's own handshake done). On any failure the
 * connections opened so far are dropped and the promise rejects.
 */
export async function openConnections(
  port: number,
  protocol: Handshake,
  count: number,
  concurrency = 50,
): Promise<BenchSocket[]> {
  const sockets: BenchSocket[] = [];
  let next = 0;
  let failure: unknown = null;
  const worker = async (): Promise<void> => {
    while (next < count && failure === null) {
      next++;
      try {
        const socket = await BenchSocket.open(port, protocol.path);
        sockets.push(socket);
        await protocol.prepare(socket);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failure !== null) {
    for (const socket of sockets) socket.destroy();
    throw failure;
  }
  return sockets;
}

/** Closes every socket (close frame, then waits for the server to hang up, bounded). */
export async function closeConnections(sockets: readonly BenchSocket[]): Promise<void> {
  await Promise.all(sockets.map((socket) => socket.close()));
}

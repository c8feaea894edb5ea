import { WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';
import type { BenchServer } from './bench-server.js';
import { TickLoop } from './tick-loop.js';

/**
 * Room for the largest burst in flight on one connection (100 x 64 KiB, 8 x 1 MiB; the inbound
 * size is also the largest message accepted). Godot's 64 KiB defaults would refuse 1 MiB messages
 * and part of such bursts (`ERR_OUT_OF_MEMORY`); a server expecting them raises both explicitly.
 * Nothing is allocated up front: these are limits.
 */
export const BENCH_BUFFER_SIZE = 16 << 20;

/**
 * wspeer's `WebSocketServer` echoing every packet in its own write mode. `tick`: polled once per
 * event-loop turn like a game server; `auto`: `autoPoll`, polled as soon as anything arrives.
 */
export async function startWspeerEchoServer(mode: 'tick' | 'auto'): Promise<BenchServer> {
  const server = new WebSocketServer({
    bindIp: '127.0.0.1',
    autoPoll: mode === 'auto',
    inboundBufferSize: BENCH_BUFFER_SIZE,
    outboundBufferSize: BENCH_BUFFER_SIZE,
    // A throughput bench pushes one client far past the per-sender fair-share limits on purpose.
    maxMessagesPerSecond: 0,
    maxBytesPerSecond: 0,
  });
  let errors = 0;
  let open = 0;
  server.on('client_connected', () => open++);
  server.on('client_disconnected', () => open--);
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    if (peer === null) return;
    const packet = peer.getPacket();
    if (peer.send(packet, peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY) !== 0) errors++;
  });
  const loop = mode === 'tick' ? new TickLoop(() => server.poll()) : null;
  server.listen(0);
  const port = await server.listening(5000);
  return {
    port,
    connections: () => open,
    setActive: (active) => loop?.setActive(active),
    errors: () => errors,
  };
}

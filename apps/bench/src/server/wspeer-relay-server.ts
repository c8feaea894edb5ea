import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import type { BenchServer } from './bench-server.js';
import { TickLoop } from './tick-loop.js';
import { BENCH_BUFFER_SIZE } from './wspeer-echo-server.js';

/**
 * wspeer's `WebSocketMultiplayerPeer` server on the `godot3` wire: it relays client to client,
 * checking and keeping the true sender in the header. `tick` polls once per event-loop turn like
 * a game server; `auto` uses `autoPoll`.
 */
export async function startWspeerRelayServer(mode: 'tick' | 'auto'): Promise<BenchServer> {
  const peer = new WebSocketMultiplayerPeer({
    autoPoll: mode === 'auto',
    inboundBufferSize: BENCH_BUFFER_SIZE,
    outboundBufferSize: BENCH_BUFFER_SIZE,
    // A throughput bench pushes every client far past the per-sender fair-share limits on purpose.
    maxMessagesPerSecond: 0,
    maxBytesPerSecond: 0,
    log: null,
  });
  let open = 0;
  let errors = 0;
  peer.on('peer_connected', () => open++);
  peer.on('peer_disconnected', () => open--);
  peer.on('packet_dropped', () => errors++);
  const loop = mode === 'tick' ? new TickLoop(() => peer.poll()) : null;
  peer.createServer(0, '127.0.0.1');
  const port = await peer.listening(5000);
  return {
    port,
    connections: () => open,
    setActive: (active) => loop?.setActive(active),
    errors: () => errors,
  };
}

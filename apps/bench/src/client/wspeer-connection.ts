import { ConnectionStatus, closed, opened, WebSocketClient, WriteMode } from 'wspeer';
import type { PayloadKind } from './echo-protocol.js';
import type { ConnectionOpener, LoadConnection } from './load-connection.js';

/** Room for the largest burst in flight (see the servers' `BENCH_BUFFER_SIZE`). */
const BUFFER_SIZE = 16 << 20;
const OPEN_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 3000;

/**
 * wspeer's Node client as a Node bot would use it (Godot 3's `WebSocketClient`): every
 * `data_received` reads the packet and `putPacket`s the next message; wspeer writes what one poll
 * queued in one go.
 */
class WspeerConnection implements LoadConnection {
  constructor(
    private readonly client: WebSocketClient,
    private readonly payload: Uint8Array,
    private readonly binary: boolean,
  ) {}

  get closed(): boolean {
    return this.client.getConnectionStatus() === ConnectionStatus.CONNECTION_DISCONNECTED;
  }

  listen(onEcho: () => void, onUnexpected: () => void): void {
    const peer = this.client.getPeer(1);
    if (peer === null) throw new Error('wspeer client without its peer');
    const { binary, payload } = this;
    this.client.on('data_received', () => {
      const packet = peer.getPacket();
      if (peer.wasStringPacket() !== binary && packet.byteLength === payload.byteLength) onEcho();
      else onUnexpected();
    });
  }

  send(): void {
    this.client.getPeer(1)?.send(this.payload, this.binary ? WriteMode.BINARY : WriteMode.TEXT);
  }

  flush(): void {}

  async close(): Promise<void> {
    this.client.disconnectFromHost(1000);
    await closed(this.client, CLOSE_TIMEOUT_MS).catch(() => this.client.getPeer(1)?.close(-1));
  }
}

/**
 * Opens wspeer `WebSocketClient`s sending `payload` as `kind`. `tick`: the caller's game loop
 * polls every client in `polled` once per event-loop turn (the opened ones are added to it);
 * `auto`: `autoPoll`.
 */
export function wspeerOpener(
  mode: 'tick' | 'auto',
  kind: PayloadKind,
  payload: Buffer,
  polled: Array<{ poll(): void }>,
): ConnectionOpener {
  return async (port, count) => {
    const clients: WebSocketClient[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const client = new WebSocketClient({
          autoPoll: mode === 'auto',
          inboundBufferSize: BUFFER_SIZE,
          outboundBufferSize: BUFFER_SIZE,
        });
        clients.push(client);
        if (mode === 'tick') polled.push(client);
        client.connectToUrl(`ws://127.0.0.1:${port}/`);
      }
      await Promise.all(clients.map((client) => opened(client, OPEN_TIMEOUT_MS)));
    } catch (error) {
      for (const client of clients) client.getPeer(1)?.close(-1);
      throw error;
    }
    return clients.map((client) => new WspeerConnection(client, payload, kind === 'binary'));
  };
}

import { opened, State, WebSocketClient } from 'wspeer';

/** What an honest echo client saw during an attack. */
export interface HonestFigures {
  /** Messages sent. */
  sent: number;
  /** Echoes received. */
  received: number;
  /** Messages never echoed (sent - received after the drain). */
  lost: number;
  /** Worst round trip, ms. */
  worstMs: number;
  /** Median round trip, ms. */
  medianMs: number;
  /** 99th percentile round trip, ms. */
  p99Ms: number;
  /** Whether the connection was still open at the end. */
  open: boolean;
}

/**
 * An honest client of an echo endpoint: sends a 16-byte message every `intervalMs` and measures
 * each round trip, so a test can tell whether an attack stalled the server for everyone else.
 */
export class HonestEcho {
  readonly #client = new WebSocketClient({ autoPoll: true });
  readonly #sentAt: number[] = [];
  readonly #rtts: number[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #seq = 0;

  constructor() {
    this.#client.on('data_received', () => {
      const peer = this.#client.getPeer(1);
      if (peer === null) return;
      const now = performance.now();
      while (peer.getAvailablePacketCount() > 0) {
        const packet = peer.getPacket();
        const seq = new DataView(packet.buffer, packet.byteOffset, packet.byteLength).getUint32(0, true);
        const at = this.#sentAt[seq];
        if (at !== undefined) this.#rtts.push(now - at);
      }
    });
  }

  /** Connects to `url` and starts sending. */
  async start(url: string, intervalMs = 10): Promise<void> {
    this.#client.connectToUrl(url);
    await opened(this.#client, 5000);
    this.#timer = setInterval(() => this.#send(), intervalMs);
  }

  /** Stops sending, waits up to `drainMs` for the echoes in flight, closes, and reports. */
  async stop(drainMs = 3000): Promise<HonestFigures> {
    clearInterval(this.#timer);
    const deadline = performance.now() + drainMs;
    while (this.#rtts.length < this.#seq && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const open = this.#client.getPeer(1)?.readyState === State.OPEN;
    this.#client.disconnectFromHost();
    const sorted = [...this.#rtts].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return {
      sent: this.#seq,
      received: this.#rtts.length,
      lost: this.#seq - this.#rtts.length,
      worstMs: sorted[sorted.length - 1] ?? 0,
      medianMs: at(0.5),
      p99Ms: at(0.99),
      open,
    };
  }

  #send(): void {
    const peer = this.#client.getPeer(1);
    if (peer === null || peer.readyState !== State.OPEN) return;
    const message = new Uint8Array(16);
    new DataView(message.buffer).setUint32(0, this.#seq, true);
    this.#sentAt[this.#seq++] = performance.now();
    peer.send(message);
  }
}

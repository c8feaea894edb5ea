import { closed, nextMessage, opened, State, WebSocketPeer } from 'wspeer';

/**
 * Measures the application-level round-trip time to the demo server: every `intervalMs` it sends
 * `"ping N"` to the server's silent echo (`/ping`) and times the reply. Unlike the tabs, this probe
 * uses `autoPoll` and the promise helpers (no game loop), so the reading is the network round trip
 * rather than a multiple of the frame time. Reconnects every few seconds while the server is away.
 */
export class RttMeter {
  /** The last round trip in milliseconds, or `null` when not connected. */
  rttMs: number | null = null;
  readonly #peer = new WebSocketPeer({ autoPoll: true, inboundBufferSize: 256 });
  #stopped = false;

  readonly #url: string;
  readonly #intervalMs: number;

  constructor(url: string, intervalMs = 1000) {
    this.#url = url;
    this.#intervalMs = intervalMs;
  }

  /** Starts measuring (resolves when {@link stop} was called). */
  async start(): Promise<void> {
    let seq = 0;
    while (!this.#stopped) {
      if (this.#peer.readyState === State.CLOSED) {
        this.rttMs = null;
        const isOpen = this.#peer.connectToUrl(this.#url) === 0 && (await opened(this.#peer, 5000).then(yes, no));
        if (!isOpen) {
          await sleep(3000);
          continue;
        }
      }
      seq += 1;
      const sent = performance.now();
      this.#peer.sendText(`ping ${seq}`);
      try {
        while ((await nextMessage(this.#peer, 5000)) !== `ping ${seq}`) {}
        this.rttMs = performance.now() - sent;
      } catch {
        this.#peer.close(-1);
        await closed(this.#peer, 2000).then(yes, no);
        continue;
      }
      await sleep(this.#intervalMs);
    }
  }

  /** Stops measuring and closes the probe. */
  stop(): void {
    this.#stopped = true;
    this.#peer.close();
  }
}

const yes = (): boolean => true;
const no = (): boolean => false;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The browser bench page (bundled with Vite and loaded by a headless Chromium): measures echo
 * throughput inside the page, with the page's own WebSocket and with wspeer's browser build,
 * alternating round by round, against the same Node echo server. Posts the results to `/results`.
 */
import { closed, opened, WebSocketClient } from 'wspeer';
import type { BrowserBenchConfig, BrowserBenchResult } from './browser-bench-config.js';

type Round = (config: BrowserBenchConfig, window: number, payload: Uint8Array) => Promise<number>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Warm-up, then messages/s over the window; then waits (bounded) for in-flight messages. */
async function measure(
  config: BrowserBenchConfig,
  count: () => number,
  inFlight: () => number,
  stop: () => void,
): Promise<number> {
  await sleep(config.warmupMs);
  const c0 = count();
  const t0 = performance.now();
  await sleep(config.durationMs);
  const rate = ((count() - c0) * 1000) / (performance.now() - t0);
  stop();
  for (let waited = 0; inFlight() > 0 && waited < 3000; waited += 10) await sleep(10);
  if (inFlight() > 0) throw new Error(`${inFlight()} messages never came back`);
  return rate;
}

/** Keeps `window` messages in flight over one connection: each echo sends the next message. */
interface EchoLoop {
  /** Call for every echo received, with its size. */
  echo(size: number): void;
  /** Sends the first `window` messages and measures the echo rate. */
  run(config: BrowserBenchConfig, window: number): Promise<number>;
  /** Throws if any echo had the wrong size. */
  check(): void;
}

/** An {@link EchoLoop} that sends with `send` and expects echoes of `size` bytes. */
function echoLoop(send: () => void, size: number): EchoLoop {
  let count = 0;
  let inFlight = 0;
  let stopping = false;
  let wrong = 0;
  return {
    echo(received) {
      if (received !== size) wrong++;
      count++;
      inFlight--;
      if (!stopping) {
        send();
        inFlight++;
      }
    },
    run(config, window) {
      for (let i = 0; i < window; i++) send();
      inFlight = window;
      return measure(
        config,
        () => count,
        () => inFlight,
        () => {
          stopping = true;
        },
      );
    },
    check() {
      if (wrong > 0) throw new Error(`${wrong} echoes had the wrong size`);
    },
  };
}

/** The page's own WebSocket: send the next message from `onmessage`. */
const pageWebSocketRound: Round = async (config, window, payload) => {
  const ws = new WebSocket(config.echoUrl);
  ws.binaryType = 'arraybuffer';
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error('page WebSocket failed to open'));
  });
  const loop = echoLoop(() => ws.send(payload), payload.byteLength);
  ws.onmessage = (event: MessageEvent) => loop.echo((event.data as ArrayBuffer).byteLength);
  let rate: number;
  try {
    rate = await loop.run(config, window);
  } finally {
    const closed = new Promise<void>((resolve) => {
      ws.onclose = () => resolve();
    });
    ws.close();
    await Promise.race([closed, sleep(3000)]);
  }
  loop.check();
  return rate;
};

/** wspeer's `WebSocketClient` with `autoPoll`: send the next packet from `data_received`. */
const wspeerRound: Round = async (config, window, payload) => {
  const client = new WebSocketClient({ autoPoll: true });
  if (client.connectToUrl(config.echoUrl) !== 0) throw new Error('connectToUrl failed');
  await opened(client, 5000);
  const peer = client.getPeer(1);
  if (peer === null) throw new Error('no peer after connecting');
  const loop = echoLoop(() => peer.putPacket(payload), payload.byteLength);
  client.on('data_received', () => loop.echo(peer.getPacket().byteLength));
  let rate: number;
  try {
    rate = await loop.run(config, window);
  } finally {
    client.disconnectFromHost();
    await closed(client, 3000).catch(() => undefined);
  }
  loop.check();
  return rate;
};

const ROUNDS: ReadonlyArray<[string, Round]> = [
  ['page-ws', pageWebSocketRound],
  ['wspeer-page', wspeerRound],
];

async function main(): Promise<void> {
  const config = (await (await fetch('/config')).json()) as BrowserBenchConfig;
  const result: BrowserBenchResult = { rates: {}, userAgent: navigator.userAgent, errors: [] };
  const payload = new Uint8Array(config.size);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 151 + 7) & 0xff;
  for (const window of config.windows) {
    const byImpl: Record<string, number[]> = Object.fromEntries(ROUNDS.map(([id]) => [id, []]));
    result.rates[String(window)] = byImpl;
    for (let round = 0; round < config.rounds; round++) {
      for (let i = 0; i < ROUNDS.length; i++) {
        const [id, run] = ROUNDS[(i + round) % ROUNDS.length] as [string, Round];
        const values = byImpl[id] as number[];
        try {
          values[round] = await run(config, window, payload);
        } catch (error) {
          values[round] = Number.NaN;
          result.errors.push(`${id}, window ${window}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
  await fetch('/results', { method: 'POST', body: JSON.stringify(result) });
}

main().catch(async (error: unknown) => {
  const result: BrowserBenchResult = { rates: {}, userAgent: navigator.userAgent, errors: [String(error)] };
  await fetch('/results', { method: 'POST', body: JSON.stringify(result) });
});

import type { PayloadKind } from '../client/echo-protocol.js';
import type { ConnectionOpener, LoadConnection } from '../client/load-connection.js';
import { type Marker, measureWindow, type WindowResult } from './measure-window.js';
import { sleep } from './sleep.js';

/** One echo workload. */
export interface EchoLoadSpec {
  kind: PayloadKind;
  /** Payload bytes per message. */
  size: number;
  connections: number;
  /** Messages each connection keeps in flight. */
  window: number;
  /** Record every round trip (window 1 only). */
  latency?: boolean;
}

/** Result of one echo round. */
export interface EchoResult extends WindowResult {
  /** Round trips in microseconds, when asked for. */
  latenciesMicros: Float64Array | null;
  /** What went wrong, if anything (unexpected messages, lost messages). */
  errors: string[];
}

const MAX_LATENCY_SAMPLES = 1_000_000;
/** How long a round waits for the messages still in flight after its window. */
const DRAIN_MS = 5000;

/**
 * Runs one echo round: opens the connections, keeps `window` messages in flight on each (every
 * echo received sends the next message), measures a window (CPU from `mark`), then drains and
 * closes.
 */
export async function runEchoLoad(
  open: ConnectionOpener,
  port: number,
  mark: Marker,
  spec: EchoLoadSpec,
  warmupMs: number,
  durationMs: number,
): Promise<EchoResult> {
  if (spec.latency === true && spec.window !== 1) throw new Error('latency needs window 1');
  const connections = await open(port, spec.connections);
  const latencies = spec.latency === true ? new Float64Array(MAX_LATENCY_SAMPLES) : null;
  const sentAt = new Float64Array(connections.length);
  let samples = 0;
  let recording = false;
  let stopping = false;
  let echoes = 0;
  let inFlight = 0;
  let unexpected = 0;
  const onUnexpected = (): void => {
    unexpected++;
  };

  const start = (connection: LoadConnection, index: number): void => {
    connection.listen(() => {
      echoes++;
      inFlight--;
      if (latencies !== null) {
        const now = performance.now();
        if (recording && samples < MAX_LATENCY_SAMPLES) latencies[samples++] = (now - (sentAt[index] as number)) * 1000;
        sentAt[index] = now;
      }
      if (!stopping) {
        connection.send();
        inFlight++;
      }
    }, onUnexpected);
    for (let i = 0; i < spec.window; i++) connection.send();
    inFlight += spec.window;
    sentAt[index] = performance.now();
    connection.flush();
  };

  const errors: string[] = [];
  let window: WindowResult;
  try {
    connections.forEach(start);
    window = await measureWindow(
      mark,
      () => echoes,
      warmupMs,
      durationMs,
      (on) => {
        recording = on;
      },
    );
  } finally {
    stopping = true;
    for (let waited = 0; inFlight > 0 && waited < DRAIN_MS; waited += 10) await sleep(10);
    if (inFlight > 0) errors.push(`${inFlight} messages never came back`);
    if (unexpected > 0) errors.push(`${unexpected} unexpected messages`);
    if (connections.some((c) => c.closed)) errors.push('the server closed a connection');
    await Promise.all(connections.map((c) => c.close()));
  }
  if (window.messages === 0) errors.push('no message came back');
  return { ...window, latenciesMicros: latencies === null ? null : latencies.slice(0, samples), errors };
}

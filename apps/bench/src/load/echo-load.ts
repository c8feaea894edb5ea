import type { BenchSocket } from '../client/bench-socket.js';
import { type EchoProtocol, FrameClass, type PayloadKind } from '../client/echo-protocol.js';
import { closeConnections, openConnections } from '../client/open-connections.js';
import type { ServerProcess } from '../server-process.js';
import { makePayload } from './make-payload.js';
import { measureWindow, type WindowResult } from './measure-window.js';
import { sleep } from './sleep.js';

/** One echo workload. */
export interface EchoSpec {
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
  /** What went wrong, if anything (unexpected frames, lost messages). */
  errors: string[];
}

const MAX_LATENCY_SAMPLES = 1_000_000;

/**
 * Runs one echo round: opens the connections, keeps `window` messages in flight on each (every
 * echo received sends the next message), measures a window, then drains and closes.
 */
export async function runEchoLoad(
  server: ServerProcess,
  protocol: EchoProtocol,
  spec: EchoSpec,
  warmupMs: number,
  durationMs: number,
): Promise<EchoResult> {
  if (spec.latency === true && spec.window !== 1) throw new Error('latency needs window 1');
  const proto = protocol.expect(spec.kind, spec.size);
  const frame = proto.message(spec.kind, makePayload(spec.kind, spec.size));
  const sockets = await openConnections(server.port, proto, spec.connections);
  const latencies = spec.latency === true ? new Float64Array(MAX_LATENCY_SAMPLES) : null;
  const sentAt = new Float64Array(sockets.length);
  let samples = 0;
  let recording = false;
  let stopping = false;
  let echoes = 0;
  let inFlight = 0;
  let unexpected = 0;

  const start = (socket: BenchSocket, index: number): void => {
    socket.listen((opcode, data, begin, end) => {
      const kind = proto.classify(socket, opcode, data, begin, end);
      if (kind === FrameClass.OTHER) return;
      if (kind === FrameClass.UNEXPECTED) {
        unexpected++;
        return;
      }
      echoes++;
      inFlight--;
      if (latencies !== null) {
        const now = performance.now();
        if (recording && samples < MAX_LATENCY_SAMPLES) latencies[samples++] = (now - (sentAt[index] as number)) * 1000;
        sentAt[index] = now;
      }
      if (!stopping) {
        socket.send(frame);
        inFlight++;
      }
    });
    for (let i = 0; i < spec.window; i++) socket.send(frame);
    inFlight += spec.window;
    sentAt[index] = performance.now();
    socket.flush();
  };

  const errors: string[] = [];
  let window: WindowResult;
  try {
    sockets.forEach(start);
    window = await measureWindow(
      server,
      () => echoes,
      warmupMs,
      durationMs,
      (on) => {
        recording = on;
      },
    );
  } finally {
    stopping = true;
    for (let waited = 0; inFlight > 0 && waited < 3000; waited += 20) await sleep(20);
    if (inFlight > 0) errors.push(`${inFlight} messages never came back`);
    if (unexpected > 0) errors.push(`${unexpected} unexpected frames`);
    if (sockets.some((s) => s.closed)) errors.push('the server closed a connection');
    await closeConnections(sockets);
  }
  if (window.messages === 0) errors.push('no message came back');
  return { ...window, latenciesMicros: latencies === null ? null : latencies.slice(0, samples), errors };
}

import type { PayloadKind } from '../client/echo-protocol.js';
import type { EchoLoadSpec } from '../load/echo-load.js';

/**
 * How the load client writes: `batch`, the bench's raw client, writes everything it sends while
 * handling one received chunk in one write (as wspeer's own client, Godot or a game loop do);
 * `ws`, a `ws` client, writes each message with its own `ws.send` (as a Node bot does).
 */
export type ClientKind = 'batch' | 'ws';

/** Every client kind, in table order. */
export const CLIENT_KINDS: readonly ClientKind[] = ['batch', 'ws'];

/** One echo workload of the echo group, with the client kind that drives it. */
export interface EchoSpec extends EchoLoadSpec {
  client: ClientKind;
}

/**
 * The payloads, each with its window (at most 100, and at most 8 MiB in flight) and its client
 * kinds. Text adds UTF-8 validation to the binary path and is measured where it matters most (many
 * small messages, batching client, pipelined only).
 */
const PAYLOADS: ReadonlyArray<{
  kind: PayloadKind;
  size: number;
  window: number;
  clients: readonly ClientKind[];
  pipelinedOnly?: boolean;
}> = [
  { kind: 'binary', size: 32, window: 100, clients: CLIENT_KINDS },
  { kind: 'text', size: 32, window: 100, clients: ['batch'], pipelinedOnly: true },
  { kind: 'binary', size: 4096, window: 100, clients: CLIENT_KINDS },
  { kind: 'binary', size: 64 * 1024, window: 100, clients: CLIENT_KINDS },
  { kind: 'binary', size: 1024 * 1024, window: 8, clients: CLIENT_KINDS },
];

/**
 * The two shapes of every payload: `1 x W` (one connection, W messages in flight: pipelined, where
 * a batching client and server can coalesce) and `W x 1` (W connections, one message each:
 * nothing to coalesce, every message is one read and one write on both sides).
 */
function shapes(window: number, pipelinedOnly = false): Array<{ connections: number; window: number }> {
  const pipelined = { connections: 1, window };
  return pipelinedOnly ? [pipelined] : [pipelined, { connections: window, window: 1 }];
}

/** The workload part of an id, e.g. `4096-binary/100x1` (what `--echo` takes). */
export function workloadId(spec: EchoLoadSpec): string {
  return `${spec.size}-${spec.kind}/${spec.connections}x${spec.window}`;
}

/** The id of an echo measurement, e.g. `echo/ws/4096-binary/100x1`. */
export function echoId(spec: EchoSpec): string {
  return `echo/${spec.client}/${workloadId(spec)}`;
}

/** Every echo workload, batching client first. */
export function echoSpecs(): EchoSpec[] {
  return CLIENT_KINDS.flatMap((client) =>
    PAYLOADS.filter((p) => p.clients.includes(client)).flatMap((p) =>
      shapes(p.window, p.pipelinedOnly).map((shape) => ({ client, kind: p.kind, size: p.size, ...shape })),
    ),
  );
}

/** The client group's workloads: every binary payload in both shapes. */
export function clientSpecs(): EchoLoadSpec[] {
  return PAYLOADS.filter((p) => p.kind === 'binary').flatMap((p) =>
    shapes(p.window).map((shape) => ({ kind: p.kind, size: p.size, ...shape })),
  );
}

/** `32 B`, `4 KiB`, `1 MiB`. */
export function sizeLabel(size: number): string {
  if (size >= 1024 * 1024) return `${size / (1024 * 1024)} MiB`;
  return size >= 1024 ? `${size / 1024} KiB` : `${size} B`;
}

/** A workload's title, e.g. `4 KiB binary, 100 conns x 1 in flight`. */
export function echoTitle(spec: EchoLoadSpec): string {
  const conns = spec.connections === 1 ? '1 conn' : `${spec.connections} conns`;
  return `${sizeLabel(spec.size)} ${spec.kind}, ${conns} x ${spec.window} in flight`;
}

/** Bytes in flight in a workload, in MiB. */
export function mibInFlight(spec: EchoLoadSpec): number {
  return (spec.connections * spec.window * spec.size) / (1024 * 1024);
}

/** Workloads whose memory per MiB in flight is reported (large messages). */
export const MEMORY_FROM_SIZE = 64 * 1024;

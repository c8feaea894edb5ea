import type { BenchSocket } from '../client/bench-socket.js';
import { clientFrame, Opcode } from '../client/client-frame.js';
import { GODOT3_HEADER_SIZE, Godot3Type, godot3Message } from '../client/godot3-message.js';
import { closeConnections, type Handshake, openConnections } from '../client/open-connections.js';
import type { ServerProcess } from '../server-process.js';
import { makePayload } from './make-payload.js';
import { measureWindow, type WindowResult } from './measure-window.js';
import { sleep } from './sleep.js';

/** One relay workload on the Godot 3.2 multiplayer wire. */
export interface RelaySpec {
  peers: number;
  /** Messages each peer keeps in flight. */
  tokens: number;
  /** Payload bytes after the 9-byte header. */
  size: number;
}

/** Result of one relay round. */
export interface RelayResult extends WindowResult {
  errors: string[];
}

/** Waits for the server's ID message and remembers the id per socket. */
class Godot3Handshake implements Handshake {
  readonly path = '/';
  readonly ids = new Map<BenchSocket, number>();

  prepare(socket: BenchSocket): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ID message from the relay server')), 10_000);
      socket.listen((opcode, data, start, end) => {
        if (opcode !== Opcode.BINARY || end - start < GODOT3_HEADER_SIZE + 4 || data[start] !== Godot3Type.ID) return;
        this.ids.set(socket, data.readInt32LE(start + GODOT3_HEADER_SIZE));
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/**
 * Runs one relay round: `peers` clients in a ring, each keeping `tokens` messages in flight to
 * its successor through the server; every message a peer receives (checked: data type, sender is
 * its predecessor, addressed to it) makes it send one more. Counts relayed messages.
 */
export async function runRelayLoad(
  server: ServerProcess,
  spec: RelaySpec,
  warmupMs: number,
  durationMs: number,
): Promise<RelayResult> {
  const handshake = new Godot3Handshake();
  const sockets = await openConnections(server.port, handshake, spec.peers);
  const ids = sockets.map((socket) => handshake.ids.get(socket) ?? 0);
  const payload = makePayload('binary', spec.size);
  let relayed = 0;
  let inFlight = 0;
  let unexpected = 0;
  let stopping = false;

  sockets.forEach((socket, index) => {
    const me = ids[index] as number;
    const from = ids[(index + spec.peers - 1) % spec.peers] as number;
    const to = ids[(index + 1) % spec.peers] as number;
    const frame = clientFrame(Opcode.BINARY, godot3Message(Godot3Type.DATA, me, to, payload));
    socket.listen((opcode, data, start, end) => {
      if (opcode !== Opcode.BINARY || end - start < GODOT3_HEADER_SIZE) return void unexpected++;
      if (data[start] !== Godot3Type.DATA) return; // ADD / DEL announcements
      if (data.readInt32LE(start + 1) !== from || data.readInt32LE(start + 5) !== me) return void unexpected++;
      relayed++;
      inFlight--;
      if (!stopping) {
        socket.send(frame);
        inFlight++;
      }
    });
    for (let i = 0; i < spec.tokens; i++) socket.send(frame);
    inFlight += spec.tokens;
  });
  for (const socket of sockets) socket.flush();

  const errors: string[] = [];
  let window: WindowResult;
  try {
    window = await measureWindow(
      () => server.request('mark'),
      () => relayed,
      warmupMs,
      durationMs,
    );
  } finally {
    stopping = true;
    for (let waited = 0; inFlight > 0 && waited < 3000; waited += 20) await sleep(20);
    if (inFlight > 0) errors.push(`${inFlight} messages never arrived`);
    if (unexpected > 0) errors.push(`${unexpected} unexpected frames`);
    await closeConnections(sockets);
  }
  if (window.messages === 0) errors.push('nothing was relayed');
  return { ...window, errors };
}

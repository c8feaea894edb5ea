import { godot3Id } from './godot3-packets.js';
import { RawWs, type RawWsOptions } from './raw-ws.js';

/** What every attack gets: the target's port and the attack's own settings. */
export interface AttackContext {
  /** The target's port on 127.0.0.1. */
  port: number;
  /** Sockets an attack keeps open after it returns (closed by the `release` command). */
  held: RawWs[];
}

/** An attack: bounded in count and time, resolves with its own figures. */
export type Attack = (context: AttackContext, args: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Opens a raw connection, or null when the server refuses or drops it. */
export async function tryOpen(port: number, path: string, options: RawWsOptions = {}): Promise<RawWs | null> {
  try {
    return await RawWs.open(port, path, options);
  } catch {
    return null;
  }
}

/** Joins a Godot 3 room: opens and waits for the SYS_ID message. */
export async function joinRoom(
  port: number,
  path: string,
  protocols: readonly string[] = [],
): Promise<RawWs & { id: number }> {
  const ws = await RawWs.open(port, path, { protocols });
  const message = await ws.waitFor((m) => godot3Id(m) !== null);
  ws.messages.length = 0;
  ws.keepMessages = false;
  return Object.assign(ws, { id: godot3Id(message) as number });
}

/** Writes `bytes`, waiting for the socket to drain when its buffer is full; false once it closed. */
export async function write(ws: RawWs, bytes: Uint8Array): Promise<boolean> {
  if (ws.closed) return false;
  if (ws.write(bytes)) return true;
  return new Promise((resolve) => {
    const done = (): void => {
      ws.socket.off('drain', drained);
      ws.socket.off('close', gone);
    };
    const drained = (): void => {
      done();
      resolve(true);
    };
    const gone = (): void => {
      done();
      resolve(false);
    };
    ws.socket.once('drain', drained);
    ws.socket.once('close', gone);
  });
}

/** Waits until `ws` is closed or `ms` passed; whether it closed. */
export async function closedWithin(ws: RawWs, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!ws.closed && Date.now() < deadline) await sleep(5);
  return ws.closed;
}

/** Runs `task` for each index with at most `parallel` at once. */
export async function inParallel(count: number, parallel: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
}

/** `i` as letters (a, b, ..., z, ba, ...): names that differ by more than digits. */
export function letters(i: number): string {
  let out = '';
  let n = i;
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

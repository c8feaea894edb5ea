/**
 * Helpers of the cluster tests: Redis keys read with `redis-cli`, and node processes running
 * `fixtures/cluster-node.mjs` (a Godot 3 wire server and a Godot 4 wire server with SceneMultiplayer,
 * each in its own Redis room) whose JSON event lines are parsed.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pollUntil } from '@wspeer/test-kit';
import { type LineProcess, startLineProcess } from '@wspeer/test-kit/node';

const FIXTURE = fileURLToPath(new URL('./fixtures/cluster-node.mjs', import.meta.url));

/** One event line of a node. */
export type NodeEvent = Record<string, unknown> & { event: string };

/** A node process of the test cluster. */
export interface ClusterNode {
  readonly process: LineProcess;
  /** Port of its Godot 3 wire server. */
  readonly g3: number;
  /** Port of its Godot 4 wire server (SceneMultiplayer relay). */
  readonly g4: number;
  /** Its node id (Godot 3 room). */
  readonly node: string;
  /** Every event line so far. */
  events(): NodeEvent[];
  /** Sends a command line. */
  command(line: string): void;
  /** Waits for the first event (past or future) matching `match`. */
  waitFor(match: (e: NodeEvent) => boolean, what: string, timeoutMs?: number): Promise<NodeEvent>;
}

/** Starts a node process on Redis `url` with `leaseMs`; resolves once both servers listen. */
export async function startClusterNode(url: string, leaseMs: number): Promise<ClusterNode> {
  const process = startLineProcess(globalThis.process.execPath, [FIXTURE, url, String(leaseMs)], {
    timeoutMs: 170_000,
  });
  const events = (): NodeEvent[] =>
    process.stdout.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as NodeEvent);
  const waitFor = async (match: (e: NodeEvent) => boolean, what: string, timeoutMs = 10_000) => {
    let found: NodeEvent | undefined;
    await pollUntil(
      [],
      () => {
        found = events().find(match);
        return found !== undefined;
      },
      `${what}\n${process.transcript()}`,
      timeoutMs,
    );
    return found as NodeEvent;
  };
  const ready = await waitFor((e) => e.event === 'ready', 'the node to listen', 20_000);
  return {
    process,
    g3: ready.g3 as number,
    g4: ready.g4 as number,
    node: ready.node as string,
    events,
    command: (line) => process.send(line),
    waitFor,
  };
}

/** `GET key` on the Redis at `port` (`null` when the key does not exist). */
export function redisGet(port: number, key: string): string | null {
  const out = execFileSync('redis-cli', ['-p', String(port), '--raw', 'GET', key], { encoding: 'utf8', timeout: 5000 });
  const value = out.replace(/\n$/, '');
  return value === '' ? null : value;
}

/**
 * Vitest global setup for `packages/rpc/test/rpc-real-sockets.test.ts` (node and chromium
 * projects; each project runs its own): starts a real Godot 3.2.3 RPC server (`rpc_server.gd`,
 * Godot's MultiplayerAPI over a gd_mp_api WebSocketServer, with `/root/Probe` and `/root/Player`
 * running `rpc_probe.gd`) and one Godot client in it (`rpc_client.gd`, the relay helper: it answers
 * `relay_ping(text)` with `relay_pong(text, id)`), provides `inject('rpc')`, and stops both at
 * teardown. The server answers each caller only (see `rpc_probe.gd`), so tests stay independent.
 */
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { type GodotProcess, startGodot } from './godot-runner.js';

/** What `inject('rpc')` gives the RPC real-socket tests. */
export interface RpcInterop {
  /** The Godot 3.2.3 RPC server: `createClient(url)` with the godot3 wire. */
  url: string;
  /** Peer id of the Godot client already connected to that server (the relay helper). */
  helper: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    rpc: RpcInterop;
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago (Godot 3 cannot report a port it picked). */
function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()));
    });
  });
}

/** Starts the Godot RPC server and its helper client for one Vitest project; stops them after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const processes: GodotProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(processes.map((p) => p.stop()));
  };
  try {
    const port = await freeLocalPort();
    const server = startGodot('rpc_server.gd', { port, lifetime: 1800 }, 1_800_000);
    processes.push(server);
    const listening = await server.waitFor('listening', 15_000);
    if (listening.err !== 0) throw new Error(`Godot RPC server failed to listen:\n${server.transcript()}`);
    const url = `ws://127.0.0.1:${port}/`;
    const helper = startGodot('rpc_client.gd', { url, lifetime: 1800 }, 1_800_000);
    processes.push(helper);
    const id = Number((await helper.waitFor('connected', 15_000)).id);
    project.provide('rpc', { url, helper: id });
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

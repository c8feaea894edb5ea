import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@wspeer/test-kit/node';
import { afterEach, describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Runs an example; resolves its stdout lines once `done(lines)` holds (at most 10 s). */
function run(script: string, args: string[], done: (lines: string[]) => boolean): Promise<string[]> {
  const child = spawn(process.execPath, [`${dist}${script}`, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} printed only:\n${lines.join('\n')}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      if (done(lines)) {
        clearTimeout(timer);
        resolve(lines);
      }
    });
  });
}

describe('the documentation examples, ported', () => {
  it('the minimal client and the minimal server print exactly the documented lines', async () => {
    const port = await freePort();
    const serverLines = run('minimal-server.js', [String(port)], (l) =>
      l.some((x) => x.includes('disconnected, clean')),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The documented client asks for "lws-mirror-protocol"; the documented server lists none and
    // so (Godot's rule) refuses it: exactly what Godot does with these two scripts.
    const refused = await run('minimal-client.js', [`ws://localhost:${port}`], (l) => l.length >= 1);
    expect(refused).toEqual(['Closed, clean: False']);
    // Against a server that speaks it, the client prints the documented lines.
    const { WebSocketServer } = await import('wspeer/server');
    const mirror = new WebSocketServer({ autoPoll: true });
    mirror.on('data_received', (id) =>
      mirror.getPeer(id)?.putPacket(mirror.getPeer(id)?.getPacket() ?? new Uint8Array()),
    );
    mirror.listen(0, ['lws-mirror-protocol']);
    const mirrorPort = await mirror.listening(5000);
    const client = await run('minimal-client.js', [`ws://localhost:${mirrorPort}`], (l) => l.length >= 2);
    expect(client).toEqual(['Connected with protocol: lws-mirror-protocol', 'Got data from server: Test packet']);
    mirror.stop();
    // And the server, with a client that asks for no protocol.
    const { WebSocketClient } = await import('wspeer');
    const c = new WebSocketClient({ autoPoll: true });
    c.on('connection_established', () => c.getPeer(1)?.putPacket(new TextEncoder().encode('Test packet')));
    c.on('data_received', () => c.disconnectFromHost(1000, 'done'));
    c.connectToUrl(`ws://127.0.0.1:${port}`);
    const lines = await serverLines;
    const id = /Client (\d+) connected/.exec(lines[0] ?? '')?.[1];
    expect(lines).toEqual([
      `Client ${id} connected with protocol: `,
      `Got data from client ${id}: Test packet ... echoing`,
      `Client ${id} disconnecting with code: 1000, reason: done`,
      `Client ${id} disconnected, clean: True`,
    ]);
  });
});

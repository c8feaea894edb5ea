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
  it('the minimal client and the minimal server, run against each other, print exactly the documented lines', async () => {
    const port = await freePort();
    const serverLines = run('minimal-server.js', [String(port)], (l) =>
      l.some((x) => x.includes('Got data from client')),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const client = await run('minimal-client.js', [`ws://localhost:${port}`], (l) => l.length >= 2);
    expect(client).toEqual(['Connected with protocol: lws-mirror-protocol', 'Got data from server: Test packet']);
    const lines = await serverLines;
    const id = /Client (\d+) connected/.exec(lines[0] ?? '')?.[1];
    expect(lines).toEqual([
      `Client ${id} connected with protocol: lws-mirror-protocol`,
      `Got data from client ${id}: Test packet ... echoing`,
    ]);
  });

  it('the minimal server reports a busy port in one line', async () => {
    const port = await freePort();
    const first = run('minimal-server.js', [String(port)], () => false).catch(() => []);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await run('minimal-server.js', [String(port)], (l) => l.length >= 1);
    expect(second).toEqual([
      `Unable to start server: ERR_ALREADY_IN_USE: cannot listen on port ${port}: the port is already in use (EADDRINUSE); stop the other server or choose another port (0 picks a free one)`,
    ]);
    void first;
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pollUntil } from '@wspeer/test-kit';
import { describe, expect, it } from 'vitest';
import { State, WebSocketPeer } from 'wspeer';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe('demo server CLI', () => {
  it('prints its URL, and on SIGTERM closes every peer with 1001 and exits 0', async () => {
    const root = mkdtempSync(join(tmpdir(), 'wspeer-cli-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    const child = spawn(process.execPath, [cli, '--port', '0', '--static', root], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no URL printed')), 10_000);
        child.stdout?.on('data', (chunk: Buffer) => {
          const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const peer = new WebSocketPeer();
      peer.connectToUrl(`${url.replace('http', 'ws')}echo`);
      await pollUntil(peer, () => peer.readyState === State.OPEN, 'open');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      await pollUntil(peer, () => peer.readyState === State.CLOSED, 'closed by the server');
      expect(peer.closeCode).toBe(1001);
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

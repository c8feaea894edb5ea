import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { nextMessage, opened, WebSocketPeer } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';

type MaskFunctions = {
  mask: (source: Buffer, mask: Buffer, output: Buffer, offset: number, length: number) => void;
  unmask: (buffer: Buffer, mask: Buffer) => void;
};

const root = fileURLToPath(new URL('../../../', import.meta.url));
const requireHere = createRequire(import.meta.url);
/** The `ws` that @wspeer/transport-node itself resolves (the copy its server and client use). */
const wsEntry = createRequire(requireHere.resolve('@wspeer/transport-node')).resolve('ws');
/** The `bufferutil` that this `ws` finds with its own `require('bufferutil')`. */
const bufferutilEntry = createRequire(wsEntry).resolve('bufferutil');
/** Platforms bufferutil 4.1.0 ships a prebuilt binary for; elsewhere it falls back to JavaScript. */
const SHIPPED = ['linux-x64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-ia32'];
const platform = `${process.platform}-${process.arch}`;

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const fn of cleanup.splice(0).reverse()) fn();
});

/** A wspeer server echoing every packet, and a wspeer client connected to it. */
async function echoPair(): Promise<WebSocketPeer> {
  const server = new WebSocketServer({ bindIp: '127.0.0.1', autoPoll: true });
  server.on('data_received', (id) => {
    const peer = server.getPeer(id);
    peer?.send(peer.getPacket());
  });
  server.listen(0);
  cleanup.push(() => server.stop());
  const port = await server.listening(5000);
  const client = new WebSocketPeer({ autoPoll: true });
  cleanup.push(() => client.close(-1));
  client.connectToUrl(`ws://127.0.0.1:${port}/`);
  await opened(client, 5000);
  return client;
}

function payload(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 131 + 17) & 0xff;
  return bytes;
}

describe('native masking (bufferutil) in the Node transport', () => {
  it('the ws copy of @wspeer/transport-node loaded bufferutil, and it is the native addon where a prebuilt binary exists', () => {
    // ws requires bufferutil when it loads; this test file imported wspeer (and so that ws) above.
    const loaded = requireHere.cache[bufferutilEntry]?.exports as MaskFunctions | undefined;
    expect(loaded, `ws at ${wsEntry} did not load ${bufferutilEntry}`).toBeDefined();
    const fallback = createRequire(bufferutilEntry)('./fallback.js') as MaskFunctions;
    const native = Function.prototype.toString.call(loaded?.unmask).includes('[native code]');
    const shipped = SHIPPED.includes(platform);
    expect(existsSync(join(dirname(bufferutilEntry), 'prebuilds', platform))).toBe(shipped);
    expect({ native, fallback: loaded?.unmask === fallback.unmask }).toEqual({ native: shipped, fallback: !shipped });
  });

  it('a wspeer client and server mask and unmask through bufferutil (counted on the loaded module)', async () => {
    const bufferutil = requireHere.cache[bufferutilEntry]?.exports as MaskFunctions | undefined;
    if (bufferutil === undefined) throw new Error(`ws at ${wsEntry} did not load ${bufferutilEntry}`);
    const { mask, unmask } = bufferutil;
    const calls = { mask: 0, unmask: 0 };
    // ws looks the functions up on this object at every call, so counting wrappers see its calls.
    bufferutil.mask = (...args) => {
      calls.mask++;
      mask(...args);
    };
    bufferutil.unmask = (...args) => {
      calls.unmask++;
      unmask(...args);
    };
    cleanup.push(() => Object.assign(bufferutil, { mask, unmask }));
    const client = await echoPair();
    const sent = payload(4096);
    client.send(sent);
    const echoed = (await nextMessage(client, 5000)) as Uint8Array;
    expect(Buffer.from(echoed).equals(Buffer.from(sent))).toBe(true);
    // The client masked the 4 KiB frame (ws: mask for 48 bytes and more), the server unmasked it.
    expect(calls.mask).toBeGreaterThanOrEqual(1);
    expect(calls.unmask).toBeGreaterThanOrEqual(1);
  });

  it('without bufferutil (WS_NO_BUFFER_UTIL=1, which ws and wspeer honour) a child process still echoes masked frames of every size', async () => {
    // Both sides mask in JavaScript here: ws unmasks on the server, wspeer masks its client frames.
    const script = `
      import { createRequire } from 'node:module';
      import { nextMessage, opened, WebSocketPeer } from 'wspeer';
      import { WebSocketServer } from 'wspeer/server';
      const require = createRequire(${JSON.stringify(wsEntry)});
      const limits = { inboundBufferSize: 1 << 20, outboundBufferSize: 1 << 20 };
      const server = new WebSocketServer({ bindIp: '127.0.0.1', autoPoll: true, ...limits });
      server.on('data_received', (id) => { const p = server.getPeer(id); p.send(p.getPacket()); });
      server.listen(0);
      const client = new WebSocketPeer({ autoPoll: true, ...limits });
      client.connectToUrl('ws://127.0.0.1:' + (await server.listening(5000)) + '/');
      await opened(client, 5000);
      const sizes = [1, 31, 32, 48, 126, 4096, 65536, 300000];
      const sent = sizes.map((size) => new Uint8Array(size).map((_, i) => (i * 131 + 17) & 0xff));
      for (const message of sent) client.send(message);
      const echoed = [];
      for (const message of sent) {
        const got = await nextMessage(client, 5000);
        if (Buffer.from(got).equals(Buffer.from(message))) echoed.push(got.byteLength);
      }
      const loaded = require.cache[require.resolve('bufferutil')] !== undefined;
      console.log(JSON.stringify({ echoed, loaded }));
      client.close(-1);
      server.stop();
      process.exit(0);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, WS_NO_BUFFER_UTIL: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanup.push(() => child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child did not finish in 10 s:\n${out}`)), 10_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code, out).toBe(0);
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({
      echoed: [1, 31, 32, 48, 126, 4096, 65536, 300000],
      loaded: false,
    });
  });
});

/**
 * The `wspeer` command line, run as users run it (`node packages/cli/dist/main.js`, the file the
 * published package's `bin` points to) with piped standard input, against real servers on
 * 127.0.0.1: its own `serve`, a wspeer multiplayer client, and a real Godot 3.2.3 client.
 */
import { createServer } from 'node:net';
import { explainMessage, readMessageRegister } from '@wspeer/cli';
import { freePort, type LineProcess, startGodot, startLineProcess } from '@wspeer/test-kit/node';
import { afterEach, describe, expect, it } from 'vitest';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { godot3CoreCodec, godot3Vector2, MultiplayerAPI, Vector2, withTypes } from 'wspeer/rpc';

const MAIN = new URL('../dist/main.js', import.meta.url).pathname;
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function cli(...args: string[]): LineProcess {
  const child = startLineProcess(process.execPath, [MAIN, ...args], { timeoutMs: 30_000 });
  cleanup.push(() => child.stop());
  return child;
}

/** Starts `wspeer serve ...` on a free port; resolves with the process and its ws:// URL. */
async function serve(...args: string[]): Promise<{ server: LineProcess; url: string }> {
  const server = cli('serve', ...args, '--port', '0');
  const line = await server.waitFor(/listening on ws:\/\/127\.0\.0\.1:\d+\//);
  const url = (line.match(/ws:\/\/127\.0\.0\.1:\d+\//) as RegExpMatchArray)[0];
  return { server, url };
}

describe('wspeer CLI', () => {
  it('prints its usage for --help and exits 2 with one line for bad arguments', async () => {
    const help = cli('--help');
    expect(await help.exited).toBe(0);
    expect(help.stdout.join('\n')).toMatch(/wspeer serve \[echo\|mirror\|godot3\|godot4\]/);
    expect(help.stdout.join('\n')).toMatch(/wspeer connect URL/);
    for (const args of [['serve', '--port', '70000'], ['launch'], ['connect'], ['serve', '--nope']]) {
      const bad = cli(...args);
      expect(await bad.exited, args.join(' ')).toBe(2);
      expect(bad.stderr, args.join(' ')).toHaveLength(1);
      expect(bad.stderr[0]).toMatch(/^wspeer: .*\(wspeer --help shows the usage\)$/);
    }
  });

  it("explain turns a production build's coded message back into its text, nested messages too", async () => {
    const register = readMessageRegister();
    if (register === null) throw new Error('no register');
    const code = (text: string) => [...register].find(([, t]) => t === text)?.[0];
    const noNode = code('No node {1}.');
    const dropped = code('[wspeer] dropped packet from peer {1}: {2}{3}');
    const notAllowed = code("{1} '{2}' is not allowed on node {3} from: {4}. Mode is {5} ({6}), master is {7}.");
    // What a production build prints (the real-socket test in rpc makes these from a live refusal).
    const one = cli('explain', `[wspeer ${notAllowed}] RPC | roll | Main/Game | 2 | puppetsync | 6 | 1`);
    expect(await one.exited, one.transcript()).toBe(0);
    expect(one.stdout).toEqual([
      "RPC 'roll' is not allowed on node Main/Game from: 2. Mode is puppetsync (6), master is 1.",
    ]);
    // A log line whose reason is a message itself, pasted as words the shell split, with the empty last value.
    const nested = cli('explain', `[wspeer ${dropped}]`, '3', '|', `[wspeer ${noNode}]`, 'Main/Missing', '|', '');
    expect(await nested.exited, nested.transcript()).toBe(0);
    expect(nested.stdout).toEqual(['[wspeer] dropped packet from peer 3: No node Main/Missing.']);
    const bare = cli('explain', String(noNode));
    expect(await bare.exited).toBe(0);
    expect(bare.stdout).toEqual(['No node {1}.']);
    // A value that contains " | " itself keeps it.
    expect(explainMessage(`[wspeer ${noNode}] a | b`, register)).toBe('No node a | b.');
    for (const wrong of ['[wspeer 999999] x', 'No node x.']) {
      const unknown = cli('explain', wrong);
      expect(await unknown.exited, wrong).toBe(1);
      expect(unknown.stderr).toEqual([`wspeer: not a message of this version's production build: ${wrong}`]);
    }
    const none = cli('explain');
    expect(await none.exited).toBe(2);
  });

  it('connect sends piped lines to an echo server, prints the replies and closes cleanly at the end of input', async () => {
    const { server, url } = await serve('echo');
    const client = cli('connect', url);
    client.send('hello');
    client.send('wörld ✓');
    client.endInput();
    expect(await client.exited).toBe(0);
    expect(client.stdout).toEqual(['< hello', '< wörld ✓']);
    expect(client.stderr[0]).toBe(`connected to ${url}`);
    expect(client.stderr.at(-1)).toBe('disconnected: 1000 Bye (clean)');
    await server.waitFor(/disconnected \(clean\)/);
    expect(server.stdout.filter((l) => /^client \d+: /.test(l)).map((l) => l.replace(/^client \d+: /, ''))).toEqual([
      'hello',
      'wörld ✓',
    ]);
  });

  it('connect --binary sends binary frames and shows binary replies as hex', async () => {
    const { url } = await serve('echo');
    const client = cli('connect', '--binary', url);
    client.send('abc');
    client.endInput();
    expect(await client.exited).toBe(0);
    expect(client.stdout).toEqual(['< [binary 3 B] 61 62 63']);
  });

  it('serve mirror sends every message to every client (lws-mirror-protocol by default)', async () => {
    const { url } = await serve('mirror');
    const listener = cli('connect', '--protocol', 'lws-mirror-protocol', url);
    await listener.waitFor(/^connected to .*lws-mirror-protocol/);
    const talker = cli('connect', '--protocol', 'lws-mirror-protocol', url);
    talker.send('to everyone');
    talker.endInput();
    expect(await talker.exited).toBe(0);
    await listener.waitFor(/^< to everyone$/);
    listener.endInput();
    expect(await listener.exited).toBe(0);
  });

  it('reports a busy port in one line and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => blocker.close(resolve)));
    const port = (blocker.address() as { port: number }).port;
    const server = cli('serve', 'echo', '--port', String(port));
    expect(await server.exited).toBe(1);
    expect(server.stderr).toEqual([
      `wspeer: cannot listen on 127.0.0.1 port ${port}: the port is already in use (EADDRINUSE); stop the other server or choose another port (0 picks a free one)`,
    ]);
  });

  it("shows the server's refusal reason when the subprotocol does not match, and exits 1", async () => {
    const { url } = await serve('echo');
    const client = cli('connect', '--protocol', 'chat', url);
    client.endInput();
    expect(await client.exited).toBe(1);
    expect(client.stderr).toEqual([
      `wspeer: could not connect to ${url}: the server refused the connection: HTTP 400 Bad Request: No matching subprotocol`,
    ]);
  });

  it('Godot 4 options: --names/--auth need --godot4, a bad names file is one line (exit 2), no server exits 1', async () => {
    const port = await freePort();
    const misplaced = cli('connect', '--names', 'x.json', `ws://127.0.0.1:${port}/`);
    expect(await misplaced.exited).toBe(2);
    expect(misplaced.stderr).toEqual(['wspeer: --names and --auth go with --godot4 (wspeer --help shows the usage)']);
    const missing = cli('connect', '--godot4', '--names', '/nonexistent/names.json', `ws://127.0.0.1:${port}/`);
    expect(await missing.exited).toBe(2);
    expect(missing.stderr).toHaveLength(1);
    expect(missing.stderr[0]).toMatch(/^wspeer: cannot read the names file \/nonexistent\/names\.json: /);
    const nobody = cli('connect', '--godot4', `ws://127.0.0.1:${port}/`);
    expect(await nobody.exited).toBe(1);
    expect(nobody.stderr.join('\n')).toMatch(/could not join/);
  });

  it('serve godot3 and connect --godot3 print peers, RPCs and rsets of a Godot 3 room, decoded', async () => {
    const { server, url } = await serve('godot3', '--protocol', 'ludus');
    const watcher = cli('connect', '--godot3', '--protocol', 'ludus', url);
    const joined = await watcher.waitFor(/^joined .* as peer \d+$/);
    const watcherId = Number(joined.split(' ').at(-1));
    await server.waitFor(new RegExp(`^peer ${watcherId} joined$`));

    const peer = new WebSocketMultiplayerPeer({ supportedProtocols: ['ludus'], autoPoll: true });
    const api = new MultiplayerAPI(peer, { autoPoll: true, codec: withTypes(godot3CoreCodec, godot3Vector2) });
    cleanup.push(() => peer.close());
    peer.createClient(url);
    const id = await connected(peer, 5000);
    const game = api.node('Main/Game', {
      methods: { move: { mode: 'remote', args: ['Vector2', 'float'], handler: (_to: Vector2, _speed: number) => {} } },
      properties: { score: { mode: 'remote', value: 0 } },
    });
    await watcher.waitFor(new RegExp(`^peer ${id} joined$`));
    expect(game.rpc('move', new Vector2(1.5, -2), 3)).toBe(0);
    expect(game.rset('score', 42)).toBe(0);

    for (const who of [server, watcher]) {
      await who.waitFor(new RegExp(`^\\[peer ${id}\\] rset Main/Game\\.score = 42$`));
      const lines = who.stdout.filter((l) => l.startsWith(`[peer ${id}]`));
      expect(lines).toContain(`[peer ${id}] path #1 = Main/Game`);
      expect(lines).toContain(`[peer ${id}] rpc Main/Game.move(Vector2(1.5, -2), 3)`);
      expect(lines).toHaveLength(3);
    }
    peer.close();
    await watcher.waitFor(new RegExp(`^peer ${id} left$`));
    watcher.endInput();
    expect(await watcher.exited).toBe(0);
    expect(await server.stop()).toBe(0);
  });

  it('shows a real Godot 3.2.3 client joining and leaving, and its RPC with every Variant type decoded', async () => {
    const { server, url } = await serve('godot3');
    const watcher = cli('connect', '--godot3', url);
    await watcher.waitFor(/^joined /);
    const godot = startGodot('rpc_client.gd', { url, everything: 1, lifetime: 20 }, 30_000);
    cleanup.push(() => godot.stop());
    const godotId = Number((await godot.waitFor('connected', 15_000)).id);
    await godot.waitFor('everything_sent', 15_000);
    await watcher.waitFor(new RegExp(`^peer ${godotId} joined$`), 15_000);
    const call = await server.waitFor(new RegExp(`^\\[peer ${godotId}\\] rpc Probe\\.everything\\(`), 15_000);
    expect(server.stdout).toContain(`[peer ${godotId}] path #1 = Probe`);
    for (const shown of [
      '(null, true, false, 42, -7, 2147483647, -2147483648, 1099511627776, 9007199254740993, ',
      '"héllo wörld ✓ 日本 🎮"',
      'Vector2(0.1, -2.25)',
      'Transform2D(Vector2(1, 2), Vector2(3, 4), Vector2(5.5, -6.5))',
      '{"k": "v", 7: PoolByteArray(5 B), Vector2(1, 2): [1, "two", 3], "nested": {"a": null, "b": -0.5}}',
      'PoolStringArray("a", "héllo", "", "日本🎮")',
    ]) {
      expect(call).toContain(shown);
    }
    await godot.stop();
    await watcher.waitFor(new RegExp(`^peer ${godotId} left$`));
    await server.waitFor(new RegExp(`^peer ${godotId} left$`));
    watcher.endInput();
    expect(await watcher.exited).toBe(0);
  }, 40_000);
});

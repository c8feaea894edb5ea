#!/usr/bin/env node
// Checks the publishable package the way a user meets it. Packs `wspeer` (scripts/pack.mjs), lints
// the package (publint, attw with the ESM-only profile), then, in fresh temporary projects that
// get only the tarball and the npm registry:
//   - a Node project: types check with skipLibCheck false and no @types (Node and bundler
//     resolution), one copy of ws is installed, a Node server and a Node client echo through every
//     entry, `npx wspeer --help` runs the CLI and `npx wspeer explain` reads the shipped MESSAGES.md;
//   - a Vite project: `vite build` bundles a page with no ws or Node code and takes the production
//     build (message codes; scripts/prod-build.mjs), Chromium runs it and it
//     echoes through a Node server; a page importing `wspeer/server` builds and shows the
//     Node-only message.
// Every child process is bounded in time; the temporary projects are removed at the end.
// Writes reports/package.json ({ tests: [{ name, passed, detail }] }) for the closing count.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildProd, messageTexts, readRegister } from './prod-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const INSTALL_TIMEOUT = 300_000;
const STEP_TIMEOUT = 60_000;
/** Same flags as chromium.ts (headless Chromium on a closed network, as root). */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage'],
};

const tests = [];
async function check(name, fn) {
  const started = Date.now();
  try {
    const detail = (await fn()) ?? '';
    tests.push({ name, passed: true, detail });
    console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? `: ${detail}` : ''}`);
    return true;
  } catch (error) {
    const detail = String(error?.stderr || error?.stdout || error?.message || error)
      .trim()
      .slice(0, 4000);
    tests.push({ name, passed: false, detail });
    console.log(`✗ ${name}\n${detail}`);
    return false;
  }
}

/** Runs a command, bounded in time; rejects with its output when it fails. */
async function sh(command, args, options = {}) {
  const { stdout, stderr } = await run(command, args, {
    timeout: STEP_TIMEOUT,
    maxBuffer: 16 * 1024 * 1024,
    killSignal: 'SIGKILL',
    ...options,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', ...options.env },
  });
  return `${stdout}${stderr}`;
}

/** The bin script of a root dev dependency (pinned in package.json), run with this Node. */
function binOf(name) {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : Object.values(pkg.bin)[0];
  return join(root, 'node_modules', name, bin);
}

// Each run installs through its own npm cache. With the user's cache shared by runs of this check in other clones at
// the same time, one install failed with "tarball data for wspeer@file:... seems to be corrupted", then ENOENT, and
// passed alone; an own cache leaves no shared state. Registry packages download again (a fresh CI machine has no
// cache anyway).
const npmInstall = (cwd) =>
  sh('npm', ['install', '--no-audit', '--no-fund'], {
    cwd,
    timeout: INSTALL_TIMEOUT,
    env: { npm_config_cache: join(cwd, '..', 'npm-cache') },
  });
const tsc = (project) => sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project]);

/** Serves a folder over HTTP on 127.0.0.1:0. */
function serveStatic(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    try {
      const file = join(dir, path === '/' ? 'index.html' : path);
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Every `ws` package folder under node_modules (one copy means one `ws`). */
function findWs(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name === 'ws' && dir.endsWith('node_modules')) found.push(path);
    if (name === 'node_modules' || dir.endsWith('node_modules') || name.startsWith('@')) findWs(path, found);
  }
  return found;
}

const TYPES_CHECK = `
import { CloseCode, debugLogger, ErrorCode, State, WebSocketClient, WebSocketError, WebSocketPeer, type WaitOptions } from 'wspeer';
import { TCPServer, WebSocketServer } from 'wspeer/server';
import { OfflineMultiplayerPeer, TransferMode, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI, Vector2, encodeVariant } from 'wspeer/rpc';
import { SceneMultiplayer } from 'wspeer/scene';
import { encodeVariantWith, godot4Codec, Vector2i } from 'wspeer/variant';
import { RedisCluster, type ClusterStats } from 'wspeer/cluster';
const wait: WaitOptions = { timeoutMs: 1 };
const peer: WebSocketPeer = new WebSocketPeer({ debug: debugLogger() });
export const values = [CloseCode.NORMAL, ErrorCode.OK, State.OPEN, TransferMode.RELIABLE, wait, peer.readyState];
export const classes = [WebSocketClient, WebSocketError, TCPServer, WebSocketServer, OfflineMultiplayerPeer];
export const api = new MultiplayerAPI(new WebSocketMultiplayerPeer());
export const bytes: Uint8Array = encodeVariant(new Vector2(1, 2));
export const scene = new SceneMultiplayer(new WebSocketMultiplayerPeer({ wire: 'godot4' }));
export const bytes4: Uint8Array = encodeVariantWith(godot4Codec, new Vector2i(1, 2));
export const cluster = new RedisCluster({ url: 'redis://127.0.0.1:1', log: null });
export const clustered = new WebSocketMultiplayerPeer({ room: cluster.room });
export const clusterStats: ClusterStats = cluster.stats();
`;

const NODE_ECHO = `
import { nextMessage, opened, State, WebSocketPeer, WriteMode } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';
import { connected, WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { MultiplayerAPI } from 'wspeer/rpc';

const server = new WebSocketServer({ autoPoll: true });
server.on('data_received', (id) => {
  const peer = server.getPeer(id);
  const packet = peer.getPacket();
  peer.send(packet, peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY);
});
server.listen(0);
const port = await server.listening(5000);
const peer = new WebSocketPeer({ autoPoll: true });
peer.connectToUrl('ws://127.0.0.1:' + port);
await opened(peer, 5000);
peer.sendText('hello from node');
const echoed = await nextMessage(peer, 5000);
peer.close();
server.stop();

const host = new WebSocketMultiplayerPeer({ autoPoll: true });
host.createServer(0);
const mpPort = await host.listening(5000);
const hostApi = new MultiplayerAPI(host, { autoPoll: true });
let said = '';
hostApi.node('Main', { methods: { say: { mode: 'any_peer', handler: (text) => { said = text; } } } });
const client = new WebSocketMultiplayerPeer({ autoPoll: true });
client.createClient('ws://127.0.0.1:' + mpPort);
const id = await connected(client, 5000);
new MultiplayerAPI(client, { autoPoll: true }).node('Main', { methods: { say: { mode: 'any_peer', handler() {} } } }).rpcId(1, 'say', 'hi');
for (let i = 0; i < 100 && said === ''; i++) await new Promise((r) => setTimeout(r, 10));
host.close();
client.close();
console.log(JSON.stringify({ echoed, state: peer.readyState === State.CLOSING || peer.readyState === State.CLOSED, id: id > 1, said }));
`;

const PAGE = `
import { nextMessage, opened, WebSocketPeer } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
const peer = new WebSocketPeer({ autoPoll: true });
peer.connectToUrl(new URLSearchParams(location.search).get('ws'));
opened(peer, 5000)
  .then(() => { peer.sendText('hello from vite'); return nextMessage(peer, 5000); })
  .then((m) => { document.title = 'echo: ' + m + ' ' + (typeof WebSocketMultiplayerPeer); })
  .catch((e) => { document.title = 'error: ' + e.message; });
`;

const SERVER_PAGE = `
import { WebSocketServer } from 'wspeer/server';
try { new WebSocketServer(); document.title = 'no error'; } catch (e) { document.title = e.message; }
`;

const NODE_MARKERS = [
  /does not work in the browser/,
  /\bnode:(?:net|http|https|tls|stream|crypto)\b/,
  /Sec-WebSocket-Accept/,
];

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'wspeer-package-'));
  let tarball = '';
  try {
    const packed = await check('pack (scripts/pack.mjs)', async () => {
      const output = await sh(process.execPath, [join(root, 'scripts/pack.mjs')], { cwd: root });
      tarball = join(
        root,
        'pack',
        readdirSync(join(root, 'pack')).find((f) => f.endsWith('.tgz')),
      );
      return output.trim().split('\n').pop();
    });
    if (!packed) return;
    await check('publint --strict', () =>
      sh(process.execPath, [binOf('publint'), 'pack/wspeer', '--strict'], { cwd: root }).then((o) =>
        o.trim().split('\n').pop(),
      ),
    );
    await check('attw --profile esm-only', async () => {
      await sh(process.execPath, [binOf('@arethetypeswrong/cli'), tarball, '--profile', 'esm-only'], { cwd: root });
      return 'no problems';
    });
    await check(
      'tarball contents: LICENSE, README, CHANGELOG, no source maps, no @internal, no workspace deps',
      async () => {
        const list = await sh('tar', ['-tzf', tarball]);
        const files = list.trim().split('\n');
        for (const needed of ['package/LICENSE', 'package/README.md', 'package/CHANGELOG.md', 'package/package.json']) {
          if (!files.includes(needed)) throw new Error(`${needed} is missing from the tarball`);
        }
        const maps = files.filter((f) => f.endsWith('.map'));
        if (maps.length > 0) throw new Error(`source maps shipped: ${maps.join(', ')}`);
        const text = await sh('tar', ['-xzOf', tarball, '--wildcards', 'package/dist/*']);
        if (/sourceMappingURL/.test(text)) throw new Error('a shipped file references a source map');
        if (/@internal/.test(text)) throw new Error('@internal appears in shipped files');
        const pkg = JSON.parse(await sh('tar', ['-xzOf', tarball, 'package/package.json']));
        if (JSON.stringify(pkg).includes('workspace:')) throw new Error('package.json has workspace: ranges');
        for (const field of ['engines', 'repository', 'homepage', 'bugs', 'license']) {
          if (pkg[field] === undefined) throw new Error(`package.json has no ${field}`);
        }
        return `${files.length} files`;
      },
    );

    // A Node project.
    const nodeDir = join(work, 'node-app');
    mkdirSync(nodeDir);
    writeFileSync(
      join(nodeDir, 'package.json'),
      JSON.stringify({ name: 'node-app', private: true, type: 'module', dependencies: { wspeer: `file:${tarball}` } }),
    );
    const installed = await check('Node project: npm install of the tarball (deps from the registry)', () =>
      npmInstall(nodeDir).then((o) => o.trim().split('\n').pop()),
    );
    if (installed) {
      await check('Node project: one copy of ws', () => {
        const copies = findWs(join(nodeDir, 'node_modules'));
        if (copies.length !== 1) throw new Error(`${copies.length} copies of ws: ${copies.join(', ')}`);
        return copies[0].slice(nodeDir.length + 1);
      });
      writeFileSync(join(nodeDir, 'check.ts'), TYPES_CHECK);
      for (const [name, module, resolution] of [
        ['node16', 'nodenext', 'nodenext'],
        ['bundler', 'preserve', 'bundler'],
      ]) {
        const config = {
          compilerOptions: {
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
            lib: ['ES2022'],
            target: 'ES2022',
            module,
            moduleResolution: resolution,
          },
          files: ['check.ts'],
        };
        writeFileSync(join(nodeDir, `tsconfig.${name}.json`), JSON.stringify(config));
        await check(`types check with skipLibCheck: false, no @types (${name} resolution)`, () =>
          tsc(join(nodeDir, `tsconfig.${name}.json`)),
        );
      }
      writeFileSync(join(nodeDir, 'echo.mjs'), NODE_ECHO);
      await check('Node project: server, client, multiplayer and RPC through the installed package', async () => {
        const output = await sh(process.execPath, ['echo.mjs'], { cwd: nodeDir, timeout: 20_000 });
        const result = JSON.parse(output.trim().split('\n').pop());
        if (result.echoed !== 'hello from node' || !result.state || !result.id || result.said !== 'hi') {
          throw new Error(`unexpected result ${JSON.stringify(result)}`);
        }
        return `echoed "${result.echoed}", RPC "${result.said}"`;
      });
      await check('Node project: npx wspeer --help', async () => {
        const output = await sh('npx', ['--no-install', 'wspeer', '--help'], { cwd: nodeDir, timeout: 30_000 });
        if (!/wspeer serve/.test(output) || !/wspeer connect/.test(output)) throw new Error(output);
        return output.trim().split('\n')[0];
      });
      await check('Node project: npx wspeer explain reads the shipped register (MESSAGES.md)', async () => {
        const register = readRegister();
        const code = [...register].find(([text]) => text === 'Attempt to remote call unexisting ID: {1}.')?.[1];
        const output = await sh('npx', ['--no-install', 'wspeer', 'explain', `[wspeer ${code}] 77`], {
          cwd: nodeDir,
          timeout: 30_000,
        });
        if (!/^Attempt to remote call unexisting ID: 77\.$/m.test(output)) throw new Error(output);
        return 'Attempt to remote call unexisting ID: 77.';
      });
    }

    // A Vite project, built and run in Chromium.
    const viteDir = join(work, 'vite-app');
    mkdirSync(join(viteDir, 'src'), { recursive: true });
    const vite = JSON.parse(readFileSync(join(root, 'node_modules/vite/package.json'), 'utf8')).version;
    writeFileSync(
      join(viteDir, 'package.json'),
      JSON.stringify({
        name: 'vite-app',
        private: true,
        type: 'module',
        dependencies: { wspeer: `file:${tarball}` },
        devDependencies: { vite },
      }),
    );
    writeFileSync(
      join(viteDir, 'index.html'),
      '<!doctype html><title>loading</title><script type="module" src="/src/main.js"></script>',
    );
    writeFileSync(
      join(viteDir, 'server.html'),
      '<!doctype html><title>loading</title><script type="module" src="/src/server.js"></script>',
    );
    writeFileSync(join(viteDir, 'src/main.js'), PAGE);
    writeFileSync(join(viteDir, 'src/server.js'), SERVER_PAGE);
    writeFileSync(
      join(viteDir, 'vite.config.js'),
      `export default { logLevel: 'warn', build: { rollupOptions: { input: ['index.html', 'server.html'] } } };\n`,
    );
    const viteInstalled = await check(`Vite project: npm install of the tarball and vite ${vite}`, () =>
      npmInstall(viteDir).then((o) => o.trim().split('\n').pop()),
    );
    const built =
      viteInstalled &&
      (await check('Vite project: vite build, no ws or Node code in the bundle', async () => {
        await sh(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { cwd: viteDir });
        const assets = join(viteDir, 'dist/assets');
        const code = readdirSync(assets)
          .map((f) => readFileSync(join(assets, f), 'utf8'))
          .join('\n');
        const found = NODE_MARKERS.filter((re) => re.test(code));
        if (found.length > 0) throw new Error(`the bundle contains ${found.join(', ')}`);
        const copies = findWs(join(viteDir, 'node_modules'));
        if (copies.length !== 1) throw new Error(`${copies.length} copies of ws installed`);
        return `${(Buffer.byteLength(code) / 1024).toFixed(1)} KiB of JS`;
      }));
    if (built) {
      await check('Vite project: a default vite build takes the production build (message codes, no texts)', () => {
        const assets = join(viteDir, 'dist/assets');
        const file = readdirSync(assets).find((f) => f.startsWith('index') && f.endsWith('.js'));
        const code = readFileSync(join(assets, file ?? 'index.js'), 'utf8');
        const texts = messageTexts(buildProd({ write: false })).filter((text) => code.includes(text));
        if (texts.length > 0) throw new Error(`message texts in the bundle: ${texts.slice(0, 3).join(' / ')}`);
        const codes = code.match(/\[wspeer \d+\]/g) ?? [];
        if (codes.length === 0) throw new Error('no message codes in the bundle');
        return `${codes.length} coded messages, no texts`;
      });
    }
    if (built) await browserChecks(join(viteDir, 'dist'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Serves the built page and an echo server of the workspace, and runs both pages in Chromium. */
async function browserChecks(dist) {
  const { chromium } = await import('playwright');
  const { WebSocketServer } = await import('wspeer/server');
  const { WriteMode } = await import('wspeer');
  const echo = new WebSocketServer({ autoPoll: true });
  echo.on('data_received', (id) => {
    const peer = echo.getPeer(id);
    const packet = peer.getPacket();
    peer.send(packet, peer.wasStringPacket() ? WriteMode.TEXT : WriteMode.BINARY);
  });
  echo.listen(0);
  const port = await echo.listening(5000);
  const http = await serveStatic(dist);
  const browser = await chromium.launch({ ...CHROMIUM, timeout: 30_000 });
  const base = `http://127.0.0.1:${http.address().port}`;
  try {
    const page = await browser.newPage();
    await check('Vite page in Chromium: echo through a Node server', async () => {
      await page.goto(`${base}/?ws=${encodeURIComponent(`ws://127.0.0.1:${port}/`)}`);
      await page.waitForFunction(() => document.title !== 'loading', null, { timeout: 10_000 });
      const title = await page.title();
      if (title !== 'echo: hello from vite function') throw new Error(`page title: ${title}`);
      return title;
    });
    await check('Vite page in Chromium: wspeer/server builds and says it is Node-only', async () => {
      await page.goto(`${base}/server.html`);
      await page.waitForFunction(() => document.title !== 'loading', null, { timeout: 10_000 });
      const title = await page.title();
      if (!title.startsWith('wspeer/server is Node-only')) throw new Error(`page title: ${title}`);
      return title.slice(0, 60);
    });
  } finally {
    await browser.close();
    http.close();
    echo.stop();
  }
}

const started = Date.now();
const overall = setTimeout(() => {
  console.log('✗ package check: took longer than 15 minutes');
  process.exit(1);
}, 900_000);
overall.unref();
await main();
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'package.json'), `${JSON.stringify({ tests }, null, 2)}\n`);
console.log(`package check: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(tests.every((t) => t.passed) ? 0 : 1);

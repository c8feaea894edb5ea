#!/usr/bin/env node
// Builds real browser bundles with Vite (browser export conditions, minified) and fails when any
// of them carries `ws` or Node built-ins. A bundle that imports `ws` on purpose is the negative
// control: the check must catch it. Writes reports/bundle.json ({ tests: [{ name, passed }] }).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'reports', 'bundle-entries');

/** Things that must never reach a browser bundle. */
const NODE_MARKERS = [
  [/does not work in the browser/, 'the ws browser stub'],
  [/\bnode:(?:net|http|https|tls|stream|crypto|zlib|events|buffer|fs|url|util)\b/, 'a node: built-in import'],
  [/require\(["'](?:ws|net|http|https|tls|stream|crypto|zlib|events)["']\)/, 'a require() of a Node module'],
  [/\bBuffer\.(?:from|alloc|allocUnsafe|concat|byteLength)\(/, 'Node Buffer'],
  [/\bprocess\.(?:nextTick|env|versions)\b/, 'Node process'],
  [/Sec-WebSocket-Accept|permessage-deflate/, 'ws protocol code'],
];

/** The opt-in debug logger: only in bundles that import `debugLogger` (DESIGN.md: logging tree-shakes out). */
const DEBUG_MARKER = [/listening on port/, 'the debug logger (debugLogger)'];

/**
 * Each entry keeps what it imports alive the way an app would: by using it. `budget` is the
 * enforced ceiling (min+gzip bytes; the check fails above it), a little above today's size so it
 * cannot creep up; `target` is the goal, reported (DESIGN.md "Budgets per entry").
 */
const ENTRIES = [
  {
    name: 'client core: WebSocketPeer (Godot 4 API)',
    code: `import { WebSocketPeer } from 'wspeer'; globalThis.keep = [WebSocketPeer];`,
    budget: 5_000,
    target: 5_000,
  },
  {
    name: 'client core: WebSocketPeer + WebSocketClient (Godot 3 signals)',
    code: `import { WebSocketPeer, WebSocketClient } from 'wspeer'; globalThis.keep = [WebSocketPeer, WebSocketClient];`,
    // 5,600 until issue 14 added reasons to connection_error/closed, AbortSignal waits and argument checks.
    budget: 5_800,
    target: 5_000,
  },
  {
    name: 'client with multiplayer and RPC',
    code:
      `import { WebSocketPeer, WebSocketClient } from 'wspeer'; import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';` +
      ` import { MultiplayerAPI } from 'wspeer/rpc'; globalThis.keep = [WebSocketPeer, WebSocketClient, WebSocketMultiplayerPeer, MultiplayerAPI];`,
    // 15,400 until issue 14 (the above, plus mode names in RPC refusals and getPeerIds).
    budget: 15_800,
    target: 12_000,
  },
  { name: 'everything in wspeer', code: `import * as all from 'wspeer'; globalThis.keep = all;`, debug: true },
  {
    name: 'everything in wspeer/multiplayer',
    code: `import * as all from 'wspeer/multiplayer'; globalThis.keep = all;`,
  },
  { name: 'everything in wspeer/rpc', code: `import * as all from 'wspeer/rpc'; globalThis.keep = all;` },
  {
    name: 'positive control: a client that uses debugLogger carries it',
    code: `import { WebSocketPeer, debugLogger } from 'wspeer'; globalThis.keep = new WebSocketPeer({ debug: debugLogger() });`,
    debug: true,
  },
];
const NEGATIVE = {
  name: 'negative control: importing ws',
  code: `import WebSocket from 'ws'; globalThis.keep = WebSocket;`,
};

async function bundle(entry, index) {
  const file = join(work, `entry-${index}.js`);
  writeFileSync(file, `${entry.code}\n`);
  const output = await build({
    configFile: false,
    root: work,
    logLevel: 'silent',
    resolve: { conditions: ['browser', 'module', 'import', 'production'] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      rollupOptions: { input: file },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  const code = chunks
    .filter((c) => c.type === 'chunk')
    .map((c) => c.code)
    .join('\n');
  const found = NODE_MARKERS.filter(([re]) => re.test(code)).map(([, what]) => what);
  const hasDebug = DEBUG_MARKER[0].test(code);
  if (hasDebug !== (entry.debug === true)) found.push(hasDebug ? DEBUG_MARKER[1] : 'no debug logger');
  return { bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, found };
}

function demoBundles() {
  const dir = join(root, 'apps/demo/dist/assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const code = readFileSync(join(dir, f), 'utf8');
      const found = NODE_MARKERS.filter(([re]) => re.test(code)).map(([, what]) => what);
      return {
        name: `demo page bundle ${f}`,
        bytes: Buffer.byteLength(code),
        gzip: gzipSync(code, { level: 9 }).length,
        found,
      };
    });
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const tests = [];
for (const [i, entry] of ENTRIES.entries()) {
  const r = await bundle(entry, i);
  const over = entry.budget !== undefined && r.gzip > entry.budget;
  const found = over ? [...r.found, `over budget: ${r.gzip} > ${entry.budget} bytes min+gzip`] : r.found;
  tests.push({
    name: entry.name,
    passed: found.length === 0,
    bytes: r.bytes,
    gzip: r.gzip,
    found,
    budget: entry.budget,
    target: entry.target,
  });
}
for (const r of demoBundles()) tests.push({ ...r, passed: r.found.length === 0 });
const negative = await bundle(NEGATIVE, 99).catch((error) => ({ bytes: 0, gzip: 0, found: [], error: String(error) }));
tests.push({
  name: NEGATIVE.name,
  passed: negative.found.length > 0,
  bytes: negative.bytes,
  gzip: negative.gzip,
  found: negative.found,
});

for (const t of tests) {
  const goal =
    t.budget === undefined
      ? ''
      : ` (budget ${t.budget} B, target ${t.target} B: ${t.gzip <= t.target ? 'met' : `missed by ${t.gzip - t.target} B`})`;
  const size = `${(t.bytes / 1024).toFixed(2)} KiB min, ${(t.gzip / 1024).toFixed(2)} KiB gzip${goal}`;
  const why = t.found.length > 0 ? ` — contains ${t.found.join(', ')}` : '';
  console.log(`${t.passed ? '✓' : '✗'} ${t.name}: ${size}${why}`);
}
writeFileSync(join(root, 'reports', 'bundle.json'), `${JSON.stringify({ tests }, null, 2)}\n`);
process.exit(tests.every((t) => t.passed) ? 0 : 1);

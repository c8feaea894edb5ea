#!/usr/bin/env node
// Builds real browser bundles with Vite (browser export conditions, minified, production builds as a
// game ships them: messages as codes, scripts/prod-build.mjs) and fails when any of them carries `ws`
// or Node built-ins, exceeds its budget or carries a message text (a development build must carry
// them). A bundle that imports `ws` on purpose is the negative control: the check must catch it. Also
// checks that docs/messages.md is the current register. Writes reports/bundle.json ({ tests: [...] }).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { browserBundle } from './browser-bundle.mjs';
import { buildProd, messagesDoc, messageTexts, unmarkedTexts } from './prod-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'reports', 'bundle-entries');

/** The messages of the packages (their texts must not reach a production bundle). */
const catalog = buildProd({ write: false });
const TEXTS = messageTexts(catalog);

/** What marks a coded message in a production bundle: its code, found by its text (values as `{1}`, ...). */
function codeMarker(text) {
  const code = [...catalog].find(([, message]) => message.text === text)?.[0];
  if (code === undefined) throw new Error(`bundle-check: no message ${JSON.stringify(text)} (reworded?)`);
  return new RegExp(`\\[wspeer ${code}\\]`);
}

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
 * What marks each Godot version's Variant type table in a bundle (their classes' `toString` names).
 * A Godot 4 build must never carry the Godot 3 table and vice versa (DESIGN.md "Budgets per entry").
 */
const GODOT3_TABLE = [/\bQuat\(|PoolVector2Array\(|\bTransform\(/, 'the Godot 3 Variant table'];
const GODOT4_TABLE = [/Quaternion\(|PackedVector2Array\(|Projection\(/, 'the Godot 4 Variant table'];
const MATH_TYPES = [/Vector2\(/, 'a math type'];
/** Opt-in reconnect and resume (DESIGN.md "Budgets per entry": they tree-shake out of bundles that do not use them). */
const RECONNECT = [/reconnect_failed/, 'Reconnect'];
const RESUME = [/wspeer-resume/, 'Resume'];
/** The promise helpers (`opened`, `closed`, `nextMessage`, `connected`): functions, so only a bundle that imports one carries them. */
const WAITS = [codeMarker('ERR_TIMEOUT: timed out after {1} ms waiting for {2}'), 'the promise helpers'];
/** Godot 4 authentication (sceneAuth): opt-in, so a client that does not authenticate carries none of it. */
const SCENE_AUTH = [/peer_authenticating/, 'sceneAuth'];

/**
 * Each entry keeps what it imports alive the way an app would: by using it. `budget` is the
 * enforced ceiling (min+gzip bytes; the check fails above it), a little above today's size so it
 * cannot creep up; `target` is the goal, reported (DESIGN.md "Budgets per entry"). `without` lists
 * markers the bundle must not contain, `with` markers it must (a check that the markers still match).
 */
const ENTRIES = [
  {
    name: 'client core: WebSocketPeer (Godot 4 API)',
    code: `import { WebSocketPeer } from 'wspeer'; globalThis.keep = [WebSocketPeer];`,
    // 4,987 B before issue 16; its reconnect seam (the `reconnect` option and two calls; Reconnect
    // itself tree-shakes out) adds ~40 B: 5,030 B. The slimming for issues 12/19 (one #open, failure reasons
    // as a table, declare-only fields, symbol keys without descriptions): 4,794 B; empty list options shared
    // until read (64 B less heap per idle server connection): 4,860 B. The browser peer without Node-only logic
    // (FullWebSocketPeer has it), leaner waits and settings: 4,259 B.
    // The promise helpers as imported functions (no longer methods every bundle carries): 3,712 B.
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 3,581 B.
    budget: 3_610,
    target: 5_000,
    without: [RECONNECT, WAITS],
  },
  {
    name: 'client core: WebSocketPeer + WebSocketClient (Godot 3 signals)',
    code: `import { WebSocketPeer, WebSocketClient } from 'wspeer'; globalThis.keep = [WebSocketPeer, WebSocketClient];`,
    // 5,600 until issue 14 added reasons to connection_error/closed, AbortSignal waits and argument checks;
    // issue 13 added the client handshake timeout and the cut and close semantics; issue 16's reconnect seam ~40 B
    // (5,792 B); the slimming for issues 12/19: 5,627 B; the browser peer without Node-only logic: 5,022 B.
    // The promise helpers as imported functions (no longer methods every bundle carries): 4,470 B.
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 4,332 B.
    budget: 4_360,
    target: 5_000,
    without: [RECONNECT, WAITS],
  },
  {
    name: 'client core with reconnect: WebSocketPeer + WebSocketClient + Reconnect',
    code: `import { WebSocketPeer, WebSocketClient, Reconnect } from 'wspeer'; globalThis.keep = [WebSocketPeer, WebSocketClient, new Reconnect()];`,
    // Reconnect waits for each attempt with `opened`: 5,563 B.
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 5,374 B.
    budget: 5_400,
    with: [RECONNECT],
    without: [RESUME],
  },
  {
    name: 'client core with the promise helpers: WebSocketPeer + opened, closed, nextMessage',
    code: `import { WebSocketPeer, opened, closed, nextMessage } from 'wspeer'; globalThis.keep = [WebSocketPeer, opened, closed, nextMessage];`,
    // The helpers are functions (methods cannot be tree-shaken): this is what importing them costs (about 560 B),
    // and the entries above and below prove a bundle that does not import them carries none of it.
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 4,137 B.
    budget: 4_170,
    with: [WAITS],
    without: [RECONNECT],
  },
  {
    name: 'client with multiplayer and RPC',
    code:
      `import { WebSocketPeer, WebSocketClient } from 'wspeer'; import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';` +
      ` import { MultiplayerAPI } from 'wspeer/rpc'; globalThis.keep = [WebSocketPeer, WebSocketClient, WebSocketMultiplayerPeer, MultiplayerAPI];`,
    // 15,187 B before the Variant codec became one machinery (+400 B for the per-version tables), then
    // issue 14's reasons on signals, mode names in RPC refusals and getPeerIds; issue 13's refusals counted by kind
    // with bounded quotes, path-cache budget, heartbeat and rate-limit options, stats (16,895 B).
    // Issue 19: the multiplayer peer's server side moved into the injected server factory (-125 B) and
    // connected() waits through core's WaiterList (-85 B): 16,685 B. Issue 16's reconnect and resume seams in
    // the peer, the multiplayer client and its facade (Resume itself tree-shakes out): about +170 B (16,860 B).
    // Issues 12/19: MultiplayerAPI's codec by use (godot3CoreCodec by default: no math type, no Godot 3 table;
    // -1.4 KB), a slimmer rpc layer, core, codec machinery, the multiplayer peer without its server side in
    // browsers: 14,774 B. The browser peer without Node-only logic, the multiplayer client on a bare WebSocketPeer
    // (MultiplayerConnection), pools opt-in (godot3CoreCodec as godot4CoreCodec), leaner waits: 13,574 B. What the
    // rest over the goal is: README "Performance and size".
    // The promise helpers as imported functions (no longer methods every bundle carries): about 12,980 B;
    // the Resume seam out of the multiplayer connection (a ResumableConnection only Resume brings): 12,873 B;
    // one RefusalLog, a shorter declared-type check: 12,787 B.
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 12,266 B.
    budget: 12_300,
    target: 12_000,
    without: [GODOT3_TABLE, GODOT4_TABLE, MATH_TYPES, RECONNECT, RESUME, WAITS],
  },
  {
    name: 'Godot 3 client: WebSocketMultiplayerPeer + MultiplayerAPI (what an app imports; issue 19)',
    code:
      `import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer'; import { MultiplayerAPI } from 'wspeer/rpc';` +
      ` globalThis.keep = [WebSocketMultiplayerPeer, MultiplayerAPI];`,
    // The entry above also imports WebSocketPeer and Godot 3's WebSocketClient from 'wspeer'. Since the multiplayer
    // peer drives a bare WebSocketPeer (no WebSocketClient under it), an app that does not import WebSocketClient
    // itself carries none of it: this is the client issue 19 names. 13,171 B when added.
    // The promise helpers as imported functions (no longer methods every bundle carries): 12,578 B; the Resume seam
    // out of the multiplayer connection: 12,468 B. Refusals counted and logged by one RefusalLog (no Tally in
    // clients), a shorter declared-type check: 12,393 B; the connection class looked up in one place: 12,400 B. What the rest over the goal is: README "Performance and size".
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 11,863 B.
    budget: 11_900,
    target: 12_000,
    without: [GODOT3_TABLE, GODOT4_TABLE, MATH_TYPES, RECONNECT, RESUME, WAITS],
  },
  {
    name: 'the same Godot 3 client in a development build (message texts, not codes)',
    code:
      `import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer'; import { MultiplayerAPI } from 'wspeer/rpc';` +
      ` globalThis.keep = [WebSocketMultiplayerPeer, MultiplayerAPI];`,
    // Without the `production` condition (Vite's dev server, or a bundler not told it builds for production),
    // the packages serve their development build: every message in full. Not budgeted; reported for comparison.
    development: true,
    without: [GODOT3_TABLE, GODOT4_TABLE, MATH_TYPES, RECONNECT, RESUME],
  },

  {
    name: 'client with multiplayer, RPC and Resume (reconnect with the same id)',
    code:
      `import { WebSocketPeer, WebSocketClient } from 'wspeer'; import { WebSocketMultiplayerPeer, Resume } from 'wspeer/multiplayer';` +
      ` import { MultiplayerAPI } from 'wspeer/rpc'; globalThis.keep = [WebSocketPeer, WebSocketClient, MultiplayerAPI, new WebSocketMultiplayerPeer({ reconnect: new Resume() })];`,
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 14,172 B.
    budget: 14_200,
    target: 12_000,
    with: [RECONNECT, RESUME],
    without: [GODOT3_TABLE, GODOT4_TABLE, MATH_TYPES],
  },
  {
    name: 'Godot 3 client that opts in to every Variant type (codec: godot3Codec)',
    code:
      `import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer'; import { MultiplayerAPI, godot3Codec } from 'wspeer/rpc';` +
      ` globalThis.keep = [WebSocketMultiplayerPeer, new MultiplayerAPI({ codec: godot3Codec })];`,
    // What the default saves: the full Godot 3 table and every math class.
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 13,791 B.
    budget: 13_820,
    with: [GODOT3_TABLE, MATH_TYPES],
    without: [GODOT4_TABLE],
  },
  {
    name: 'Godot 4 client with multiplayer and SceneMultiplayer RPC',
    code:
      `import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer'; import { SceneMultiplayer } from 'wspeer/scene';` +
      ` globalThis.keep = [WebSocketMultiplayerPeer, SceneMultiplayer];`,
    // Today's size with the full Godot 4 codec; the 12 KB goal is not met yet (README "Performance and size").
    // Issue 13's heartbeat, limits and stats in the multiplayer peer: 20,838 B; issue 19's server factory and
    // WaiterList: 20,632 B; issue 15's replication hooks in SceneMultiplayer (SPAWN/DESPAWN/SYNC dispatch, RPC
    // visibility, path checksums of spawners and synchronizers; not the replication classes): +300 B; issue 16's
    // reconnect and resume seams: about +180 B; issue 17's local/remote peer test in the scene layer: +41 B
    // (21,218 B). Issues 12/19: SceneMultiplayer's codec by use (godot4CoreCodec by default: -2 KB), the server
    // side (sceneServer) and authentication (sceneAuth) injected instead of built in (Node's wspeer/scene builds
    // the server side in; browsers carry neither unless given), a slimmer scene layer, core, multiplayer and
    // codec machinery, the multiplayer peer without its server side in browsers: 17,391 B. What the remaining
    // 5.4 KB over the goal is: README "Performance and size". The browser peer without Node-only logic, the
    // multiplayer client on a bare WebSocketPeer (MultiplayerConnection), leaner waits and scene packets: 16,047 B.
    // The promise helpers as imported functions (no longer methods every bundle carries): 15,476 B; the Resume seam out of
    // the multiplayer connection: 15,366 B; one RefusalLog: 15,342 B; the connection lookup in one place: 15,347 B.
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 14,565 B.
    budget: 14_600,
    target: 12_000,
    without: [GODOT3_TABLE, GODOT4_TABLE, MATH_TYPES, RECONNECT, RESUME, SCENE_AUTH, WAITS],
  },
  {
    name: 'Godot 4 client that authenticates (auth: sceneAuth)',
    code:
      `import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer'; import { SceneMultiplayer, sceneAuth } from 'wspeer/scene';` +
      ` globalThis.keep = [WebSocketMultiplayerPeer, new SceneMultiplayer(null, { auth: sceneAuth, authCallback: () => {} })];`,
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 15,087 B.
    budget: 15_120,
    with: [SCENE_AUTH],
    without: [GODOT3_TABLE, GODOT4_TABLE],
  },
  {
    name: 'Godot 4 client that opts in to every Variant type (codec: godot4Codec)',
    code:
      `import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer'; import { SceneMultiplayer } from 'wspeer/scene';` +
      ` import { godot4Codec } from 'wspeer/variant'; globalThis.keep = [WebSocketMultiplayerPeer, new SceneMultiplayer(null, { codec: godot4Codec })];`,
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 17,402 B.
    budget: 17_430,
    with: [GODOT4_TABLE, MATH_TYPES],
    without: [GODOT3_TABLE],
  },
  {
    name: 'Godot 4 Variant codec (godot4Codec, every type)',
    code:
      `import { decodeVariantWith, encodeVariantWith, godot4Codec } from 'wspeer/variant';` +
      ` globalThis.keep = [decodeVariantWith, encodeVariantWith, godot4Codec];`,
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 5,621 B.
    budget: 5_650,
    without: [GODOT3_TABLE],
  },
  {
    name: 'Godot 4 Variant codec, core types only (godot4CoreCodec: other types as VariantBytes)',
    code:
      `import { decodeVariantWith, encodeVariantWith, godot4CoreCodec } from 'wspeer/variant';` +
      ` globalThis.keep = [decodeVariantWith, encodeVariantWith, godot4CoreCodec];`,
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 3,335 B.
    budget: 3_370,
    without: [GODOT3_TABLE, MATH_TYPES],
  },
  {
    name: 'Godot 4 Variant codec, core types + Vector2 and Color (withTypes)',
    code:
      `import { decodeVariantWith, encodeVariantWith, godot4Color, godot4CoreCodec, godot4Vector2, withTypes } from 'wspeer/variant';` +
      ` globalThis.keep = [decodeVariantWith, encodeVariantWith, withTypes(godot4CoreCodec, godot4Vector2, godot4Color)];`,
    // Production builds carry message codes, not texts (the `production` condition; docs/messages.md): 3,672 B.
    budget: 3_700,
    without: [GODOT3_TABLE, GODOT4_TABLE],
  },
  { name: 'everything in wspeer', code: `import * as all from 'wspeer'; globalThis.keep = all;`, debug: true },
  {
    name: 'everything in wspeer/multiplayer',
    code: `import * as all from 'wspeer/multiplayer'; globalThis.keep = all;`,
  },
  {
    name: 'everything in wspeer/rpc',
    code: `import * as all from 'wspeer/rpc'; globalThis.keep = all;`,
    with: [GODOT3_TABLE],
    without: [GODOT4_TABLE],
  },
  {
    name: 'everything in wspeer/scene',
    code: `import * as all from 'wspeer/scene'; globalThis.keep = all;`,
    without: [GODOT3_TABLE],
  },
  {
    name: 'positive control: a client that uses debugLogger carries it',
    code: `import { WebSocketPeer, debugLogger } from 'wspeer'; globalThis.keep = new WebSocketPeer({ debug: debugLogger() });`,
    debug: true,
  },
  {
    name: 'everything in wspeer/variant',
    code: `import * as all from 'wspeer/variant'; globalThis.keep = all;`,
    with: [GODOT3_TABLE, GODOT4_TABLE, MATH_TYPES],
  },
];
const NEGATIVE = {
  name: 'negative control: importing ws',
  code: `import WebSocket from 'ws'; globalThis.keep = WebSocket;`,
};

async function bundle(entry, index) {
  const file = join(work, `entry-${index}.js`);
  writeFileSync(file, `${entry.code}\n`);
  const { code } = await browserBundle(work, file, { production: entry.development !== true });
  const found = [...NODE_MARKERS, ...(entry.without ?? [])].filter(([re]) => re.test(code)).map(([, what]) => what);
  const texts = TEXTS.filter((text) => code.includes(text));
  if (entry.development && texts.length === 0) found.push('no message texts in a development build (stale check?)');
  if (!entry.development && texts.length > 0) {
    found.push(
      `message texts in a production build: ${texts
        .slice(0, 3)
        .map((t) => JSON.stringify(t))
        .join(', ')}`,
    );
  }
  for (const [re, what] of entry.with ?? []) if (!re.test(code)) found.push(`no ${what} (stale marker?)`);
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
{
  // docs/messages.md maps the codes of production builds back to their texts: it must be current.
  let doc = '';
  try {
    doc = readFileSync(join(root, 'docs', 'messages.md'), 'utf8');
  } catch {}
  const unmarked = unmarkedTexts();
  tests.push({
    name: 'every message of the production build is coded (no text of three or more words left but the known ones)',
    passed: unmarked.length === 0,
    bytes: 0,
    gzip: 0,
    found: unmarked.slice(0, 5).map((line) => `not written with msg: ${line}`),
  });
  const current = doc === messagesDoc(catalog);
  tests.push({
    name: `docs/messages.md lists the ${catalog.size} message codes of the production build`,
    passed: current,
    bytes: 0,
    gzip: 0,
    found: current ? [] : ['stale: run node scripts/prod-build.mjs --docs'],
  });
}
const negative = await bundle(NEGATIVE, 99).catch((error) => ({ bytes: 0, gzip: 0, found: [], error: String(error) }));
tests.push({
  name: NEGATIVE.name,
  passed: negative.found.length > 0,
  bytes: negative.bytes,
  gzip: negative.gzip,
  found: negative.found,
});

for (const t of tests) {
  const target =
    t.target === undefined
      ? ''
      : `, target ${t.target} B: ${t.gzip <= t.target ? 'met' : `missed by ${t.gzip - t.target} B`}`;
  const goal = t.budget === undefined ? '' : ` (budget ${t.budget} B${target})`;
  const size = `${(t.bytes / 1024).toFixed(2)} KiB min, ${(t.gzip / 1024).toFixed(2)} KiB gzip${goal}`;
  const why = t.found.length > 0 ? ` — contains ${t.found.join(', ')}` : '';
  console.log(`${t.passed ? '✓' : '✗'} ${t.name}: ${size}${why}`);
}
writeFileSync(join(root, 'reports', 'bundle.json'), `${JSON.stringify({ tests }, null, 2)}\n`);
process.exit(tests.every((t) => t.passed) ? 0 : 1);

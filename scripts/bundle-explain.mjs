#!/usr/bin/env node
// Where the bytes of a browser bundle come from: builds one entry the way bundle-check.mjs does
// (browser conditions, minified) with a source map and attributes every minified byte to its source
// file. Usage: node scripts/bundle-explain.mjs "<entry code>"  (a dev tool; not part of the test command)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from '../node_modules/.pnpm/source-map-js@1.2.4/node_modules/source-map-js/source-map.js';
import { browserBundle } from './browser-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'reports', 'bundle-explain');
mkdirSync(work, { recursive: true });
const file = join(work, 'entry.js');
writeFileSync(file, `${process.argv[2]}\n`);
const bundle = await browserBundle(work, file, { sourcemap: true });
if (bundle.chunks !== 1) console.warn(`${bundle.chunks} chunks: only the first is attributed`);
const code = bundle.code;
const map = new SourceMapConsumer(bundle.map);
const lines = code.split('\n');
const bytes = new Map();
const text = new Map();
let last = null;
map.eachMapping((m) => {
  if (last) {
    const line = lines[last.generatedLine - 1];
    const end = m.generatedLine === last.generatedLine ? m.generatedColumn : line.length;
    const src = last.source ? relative(root, last.source.replace(/^.*?\/work\//, '/work/')) : '(none)';
    bytes.set(src, (bytes.get(src) ?? 0) + (end - last.generatedColumn));
    text.set(src, (text.get(src) ?? '') + line.slice(last.generatedColumn, end));
  }
  last = m;
});
const total = Buffer.byteLength(code);
const gz = gzipSync(code, { level: 9 }).length;
console.log(`total ${total} B min, ${gz} B gzip`);
const rows = [...bytes].sort((a, b) => b[1] - a[1]);
for (const [src, n] of rows) {
  const alone = gzipSync(text.get(src), { level: 9 }).length;
  console.log(
    `${String(n).padStart(7)} min ${String(alone).padStart(6)} gz-alone ${((n / total) * gz).toFixed(0).padStart(6)} gz-share  ${src}`,
  );
}
if (process.env.DUMP) writeFileSync(process.env.DUMP, code);

#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDemoServer } from './demo-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    static: { type: 'string' },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 8080);
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
const staticRoot = values.static ?? join(dirname(fileURLToPath(import.meta.url)), '../../demo/dist');
if (!existsSync(join(staticRoot, 'index.html'))) {
  console.error(`wspeer demo: no built page in ${staticRoot}; run "npm run demo" (it builds it).`);
  process.exit(1);
}

const server = await startDemoServer({ port, host, staticRoot });
console.log(`wspeer demo listening on ${server.url}  (open it in a browser; Ctrl-C stops)`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing connections`);
  server.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

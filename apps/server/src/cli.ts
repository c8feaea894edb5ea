#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USAGE, listenErrorLine, parseDemoArgs } from './demo-args.js';
import { type DemoServer, startDemoServer } from './demo-server.js';

const args = parseDemoArgs(process.argv.slice(2), process.env);
if ('error' in args) {
  console.error(`wspeer demo: ${args.error} (npm run demo -- --help shows the usage)`);
  process.exit(2);
}
if (args.help) {
  console.log(DEMO_USAGE);
  process.exit(0);
}
const staticRoot = args.staticRoot ?? join(dirname(fileURLToPath(import.meta.url)), '../../demo/dist');
if (!existsSync(join(staticRoot, 'index.html'))) {
  console.error(`wspeer demo: no built page in ${staticRoot}; run "npm run demo" (it builds it).`);
  process.exit(1);
}

let server: DemoServer;
try {
  server = await startDemoServer({
    port: args.port,
    host: args.host,
    staticRoot,
    ...(args.redis === undefined ? {} : { redis: args.redis }),
  });
} catch (error) {
  if ((error as { redis?: boolean }).redis === true) console.error(`wspeer demo: ${(error as Error).message}`);
  else console.error(listenErrorLine(args.host, args.port, error as Error));
  process.exit(1);
}
console.log(`wspeer demo listening on ${server.url}  (open it in a browser; Ctrl-C stops)`);
if (args.redis !== undefined) console.log(`chat room shared through Redis at ${args.redis}`);
if (args.host === '0.0.0.0') {
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a?.address}:${server.port}/`);
  if (lan.length > 0) console.log(`on your network (a phone on the same Wi-Fi): ${lan.join('  ')}`);
}

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

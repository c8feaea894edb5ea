#!/usr/bin/env node
// Runs one Godot 4 probe by hand, for debugging:
//   node packages/test-kit/dist/godot4-cli.js <project> [key=value ...] [--timeout=<seconds>] [--projects=<dir>] [--serve]
// Without --serve: boots the probe in headless Chromium and prints everything it prints, until it
// quits (exit status = the game's exit code) or the timeout (default 60 s). With --serve: only serves
// the page on 127.0.0.1 and prints its URL, to open in a browser's devtools (until Ctrl-C or the timeout).
import { startGodot4Browser } from './godot4-browser.js';
import { startGodot4StaticServer } from './godot4-static-server.js';

const argv = process.argv.slice(2);
const project = argv.find((a) => !a.startsWith('--') && !a.includes('='));
const args = Object.fromEntries(
  argv
    .filter((a) => !a.startsWith('--') && a.includes('='))
    .map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]),
);
const timeoutSeconds = Number(argv.find((a) => a.startsWith('--timeout='))?.slice(10) ?? 60);
const projectsDir = argv.find((a) => a.startsWith('--projects='))?.slice(11);
const options = projectsDir === undefined ? {} : { projectsDir };

if (project === undefined) {
  console.error('usage: godot4-cli.js <project> [key=value ...] [--timeout=<seconds>] [--projects=<dir>] [--serve]');
  process.exit(2);
}

if (argv.includes('--serve')) {
  const server = await startGodot4StaticServer(options);
  console.log(`open ${server.pageUrl(project, args)}`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  setTimeout(stop, timeoutSeconds * 1000).unref();
  await new Promise<void>((resolve) => setTimeout(resolve, timeoutSeconds * 1000));
  stop();
} else {
  const started = Date.now();
  const godot4 = await startGodot4Browser(options);
  const client = await godot4.start(project, args, timeoutSeconds * 1000);
  let shown = 0;
  const show = (): void => {
    for (; shown < client.output.length; shown++) {
      console.log(`${((Date.now() - started) / 1000).toFixed(2).padStart(6)}  ${client.output[shown]}`);
    }
  };
  const timer = setInterval(show, 20);
  process.once('SIGINT', () => void client.stop());
  const reason = await client.exited;
  clearInterval(timer);
  show();
  await godot4.close();
  console.log(`ended: ${reason}`);
  const code = /^exit (\d+)$/.exec(String(reason))?.[1];
  process.exit(code === undefined ? 1 : Number(code));
}

#!/usr/bin/env node
// `wspeer` (`npx wspeer --help`): the command line of the wspeer package.
import { runCli } from './run-cli.js';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
  input: process.stdin,
  interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
};
const started = runCli(process.argv.slice(2), io);
if ('code' in started) process.exitCode = started.code;
else {
  let stops = 0;
  const stop = (): void => {
    // A second Ctrl-C leaves at once.
    if (++stops > 1) process.exit(130);
    started.stop();
    setTimeout(() => process.exit(1), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  started.done.then((code) => {
    process.stdin.pause();
    process.exit(code);
  });
}

import { parseCli } from './cli-args.js';
import type { CliIo, Running } from './cli-io.js';
import { connect } from './connect.js';
import { connectRoom } from './connect-room.js';
import { explainMessage, readMessageRegister } from './explain.js';
import { serve } from './serve.js';
import { USAGE } from './usage.js';
import { version } from './version.js';

/** Runs `wspeer` with `argv` (without the node and script paths): the started command, or `null` when it is done already (help, errors). */
export function runCli(argv: readonly string[], io: CliIo): Running | { code: number } {
  const parsed = parseCli(argv);
  switch (parsed.command) {
    case 'help':
      io.out(USAGE.trimEnd());
      return { code: 0 };
    case 'version':
      io.out(version());
      return { code: 0 };
    case 'error':
      io.err(`wspeer: ${parsed.message} (wspeer --help shows the usage)`);
      return { code: 2 };
    case 'explain':
      return explain(parsed.message, io);
    case 'serve':
      return serve(parsed, io);
    case 'connect':
      return parsed.room === null
        ? connect(parsed, io)
        : connectRoom(
            {
              url: parsed.url,
              wire: parsed.room,
              protocols: parsed.protocols,
              debug: parsed.debug,
              ...(parsed.names === undefined ? {} : { names: parsed.names }),
              ...(parsed.auth === undefined ? {} : { auth: parsed.auth }),
            },
            io,
          );
  }
}

/** `wspeer explain MESSAGE`: prints the message's text (exit 0), or says why it cannot (exit 1). */
function explain(message: string, io: CliIo): { code: number } {
  const register = readMessageRegister();
  if (register === null) {
    io.err('wspeer: no message register found (MESSAGES.md in the package, docs/messages.md in a clone)');
    return { code: 1 };
  }
  const text = explainMessage(message, register);
  if (text === null) {
    io.err(`wspeer: not a message of this version's production build: ${message}`);
    return { code: 1 };
  }
  io.out(text);
  return { code: 0 };
}

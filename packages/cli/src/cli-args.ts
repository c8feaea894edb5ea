import { parseArgs } from 'node:util';
import { checkPort } from '@wspeer/core';
import type { RoomWire } from './room-decoder.js';

/** What `wspeer serve` runs. */
export type ServeKind = 'echo' | 'mirror' | RoomWire;

/** `wspeer serve ...`. */
export interface ServeCommand {
  /** The command. */
  command: 'serve';
  /** What to serve. */
  kind: ServeKind;
  /** TCP port (0 picks a free one). */
  port: number;
  /** Address to bind. */
  host: string;
  /** Accepted subprotocols. */
  protocols: string[];
  /** Print connection events and frames. */
  debug: boolean;
  /** A names file for a Godot 4 room (`--names`): node path -> `@rpc` method names or a .gd file. */
  names?: string;
}

/** `wspeer connect ...`. */
export interface ConnectCommand {
  /** The command. */
  command: 'connect';
  /** The server's URL. */
  url: string;
  /** Join a Godot room with this wire (`--godot3`), or `null` for raw messages. */
  room: RoomWire | null;
  /** Subprotocols to request. */
  protocols: string[];
  /** Extra handshake header lines. */
  headers: string[];
  /** Send lines as binary frames. */
  binary: boolean;
  /** Print connection events and frames. */
  debug: boolean;
  /** A names file for a Godot 4 room (`--names`). */
  names?: string;
  /** Godot 4 rooms with authentication: the data to send (`--auth`), then complete. */
  auth?: string;
}

/** `wspeer --help`, `wspeer --version`. */
export interface InfoCommand {
  /** Print the usage or the version. */
  command: 'help' | 'version';
}

/** `wspeer explain MESSAGE`: the text of a production build's coded message. */
export interface ExplainCommand {
  /** The command. */
  command: 'explain';
  /** The coded message (`[wspeer 53] RPC | roll | ...`) or a bare number. */
  message: string;
}

/** Bad arguments. */
export interface ErrorCommand {
  /** The command. */
  command: 'error';
  /** What is wrong. */
  message: string;
}

/** A parsed command line. */
export type CliCommand = InfoCommand | ServeCommand | ConnectCommand | ExplainCommand | ErrorCommand;

const KINDS: readonly string[] = ['echo', 'mirror', 'godot3', 'godot4'];

/** Parses `wspeer`'s arguments; never throws (bad input gives `{ command: 'error' }`). */
export function parseCli(argv: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { command: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  const protocols = values.protocol ?? [];
  const debug = values.debug ?? false;
  if (command === 'serve') {
    const kind = rest[0] ?? 'echo';
    if (!KINDS.includes(kind))
      return { command: 'error', message: `unknown server "${kind}": use echo, mirror, godot3 or godot4` };
    if (rest.length > 1) return { command: 'error', message: `unexpected argument "${rest[1]}"` };
    const port = values.port === undefined ? 8080 : Number(values.port);
    const invalid = checkPort(values.port === undefined ? port : /^\d+$/.test(values.port) ? port : values.port);
    if (invalid !== '') return { command: 'error', message: invalid };
    const names = values.names === undefined ? {} : { names: values.names };
    return {
      command: 'serve',
      kind: kind as ServeKind,
      port,
      host: values.host ?? '127.0.0.1',
      protocols,
      debug,
      ...names,
    };
  }
  if (command === 'connect') {
    const url = rest[0];
    if (url === undefined)
      return { command: 'error', message: 'connect needs a URL, e.g. wspeer connect ws://127.0.0.1:8080/' };
    if (rest.length > 1) return { command: 'error', message: `unexpected argument "${rest[1]}"` };
    if (values.godot3 && values.godot4) return { command: 'error', message: 'choose one of --godot3 and --godot4' };
    const room: RoomWire | null = values.godot3 ? 'godot3' : values.godot4 ? 'godot4' : null;
    const headers = values.header ?? [];
    if ((values.names !== undefined || values.auth !== undefined) && room !== 'godot4') {
      return { command: 'error', message: '--names and --auth go with --godot4' };
    }
    return {
      command: 'connect',
      url,
      room,
      protocols,
      headers,
      binary: values.binary ?? false,
      debug,
      ...(values.names === undefined ? {} : { names: values.names }),
      ...(values.auth === undefined ? {} : { auth: values.auth }),
    };
  }
  if (command === 'explain') {
    // The message may come as one quoted argument or as words the shell split.
    if (rest.length === 0)
      return { command: 'error', message: 'explain needs a message, e.g. wspeer explain "[wspeer 53] RPC | roll"' };
    return { command: 'explain', message: rest.join(' ') };
  }
  if (command === undefined) return { command: 'help' };
  return { command: 'error', message: `unknown command "${command}": use serve, connect or explain` };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      protocol: { type: 'string', multiple: true },
      header: { type: 'string', multiple: true, short: 'H' },
      binary: { type: 'boolean' },
      godot3: { type: 'boolean' },
      godot4: { type: 'boolean' },
      names: { type: 'string' },
      auth: { type: 'string' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

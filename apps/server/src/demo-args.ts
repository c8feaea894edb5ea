import { parseArgs } from 'node:util';

/** `npm run demo -- --help`. */
export const DEMO_USAGE = `wspeer demo: Godot's WebSocket demos in the browser, served by one Node process

  npm run demo                         http://127.0.0.1:8080/
  npm run demo -- 9000                 another port (also: -- --port 9000, or PORT=9000 npm run demo)
  npm run demo -- --host 0.0.0.0       every network interface: open http://<this machine's LAN address>:8080/
                                       on a phone on the same network (HOST=0.0.0.0 works too)
  npm run demo -- --static DIR         serve another build of the page
  npm run demo -- 8081 --redis redis://127.0.0.1:6379
                                       one of several demo processes sharing the chat's multiplayer room
                                       through Redis (start as many as you like, each on its own port)

Ctrl-C stops the server (every peer gets a 1001 close).`;

/** What the demo server was asked to do. */
export type DemoArgs =
  | { help: true }
  | { help: false; port: number; host: string; staticRoot: string | undefined; redis: string | undefined }
  | { error: string };

/**
 * Parses the demo server's arguments: a port as the first positional argument or `--port`, then
 * the `PORT` environment variable, then 8080; `--host` or `HOST` (default 127.0.0.1); `--static`;
 * `--redis URL`; `--help`. Never throws.
 */
export function parseDemoArgs(argv: readonly string[], env: Record<string, string | undefined>): DemoArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length > 1) return { error: `unexpected argument "${positionals[1]}"` };
  if (positionals.length === 1 && values.port !== undefined) return { error: 'give the port once' };
  const text = positionals[0] ?? values.port ?? (env.PORT || '8080');
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    return { error: `invalid port "${text}": use an integer from 0 to 65535 (0 picks a free port)` };
  }
  if (values.redis !== undefined && !/^rediss?:\/\//.test(values.redis)) {
    return { error: `invalid --redis "${values.redis}": use a URL such as redis://127.0.0.1:6379` };
  }
  const host = values.host ?? (env.HOST || '127.0.0.1');
  return { help: false, port, host, staticRoot: values.static, redis: values.redis };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      static: { type: 'string' },
      redis: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** One line for a failed listen (`error.code` from Node), naming the port and what to do. */
export function listenErrorLine(host: string, port: number, error: Error & { code?: string }): string {
  const where = `${host} port ${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `wspeer demo: cannot listen on ${where}: the port is already in use (EADDRINUSE); stop the other server or choose another port (npm run demo -- 9000)`;
    case 'EACCES':
      return `wspeer demo: cannot listen on ${where}: permission denied (EACCES); ports below 1024 need privileges`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `wspeer demo: cannot listen on ${where}: ${host} is not an address of this machine (${error.code}); try --host 0.0.0.0`;
    default:
      return `wspeer demo: cannot listen on ${where}: ${error.message}`;
  }
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The workspace root: bundles resolve `wspeer` and its entries from there (browser conditions). */
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A page on 127.0.0.1 running one bundled script; open it with `Godot4Browser.open(url, label)`. */
export interface BrowserPage {
  /** The page's URL; add `?key=value` arguments, the script reads them from `location.search`. */
  readonly url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Bundles `code` (an ES module that may import `wspeer`, `wspeer/multiplayer`, `wspeer/scene`...) for
 * browsers with Vite, as an app would (browser export conditions), and serves it from a page on
 * 127.0.0.1 (port 0). The script reports with `console.log(JSON.stringify({ event, ... }))` lines,
 * so `Godot4Browser.open()` drives it exactly like a Godot 4 probe.
 */
export async function startBrowserPage(code: string): Promise<BrowserPage> {
  const scratch = join(root, 'reports');
  await mkdir(scratch, { recursive: true });
  const dir = await mkdtemp(join(scratch, 'browser-page-'));
  let script: string;
  try {
    const entry = join(dir, 'entry.js');
    await writeFile(entry, code);
    const output = await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      resolve: { conditions: ['browser', 'module', 'import', 'production'] },
      build: { write: false, minify: false, target: 'es2022', modulePreload: false, rollupOptions: { input: entry } },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
    script = chunks
      .filter((c) => c.type === 'chunk')
      .map((c) => c.code)
      .join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const html =
    '<!doctype html><meta charset="utf-8"><title>wspeer page</title><script type="module" src="/page.js"></script>';
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else if (path === '/page.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

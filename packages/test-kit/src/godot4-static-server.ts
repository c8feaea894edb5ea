import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type Godot4Engine, loadGodot4Engine } from './godot4-engine.js';
import { godot4PageHtml } from './godot4-page.js';
import { godot4ProjectsDir, packGodot4Project } from './godot4-project.js';

/** A running Godot 4 static server on 127.0.0.1; `close()` stops it. */
export interface Godot4StaticServer {
  /** `http://127.0.0.1:<port>/`, the page; add `?_project=<name>&key=value...`. */
  url: string;
  /** The page URL that runs `project` with these user arguments. */
  pageUrl(project: string, args?: Godot4Args): string;
  /** The PCK served for `project`; rejects with the reason when there is no such project. */
  pack(project: string): Promise<Uint8Array>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** User arguments for a probe, passed as `key=value` after `--`. */
export type Godot4Args = Record<string, string | number | boolean>;

/** Options of {@link startGodot4StaticServer}. */
export interface Godot4StaticServerOptions {
  /** Where the probe projects are (default: the test kit's `godot4/`). */
  projectsDir?: string;
}

/**
 * Serves, on 127.0.0.1 and a free port, the page, the verified engine (`index.js`, `index.wasm`
 * as `application/wasm`, from memory) and `/<project>.pck`, packed from the projects folder at each
 * request (a few KB; edits show on reload); `/favicon.ico` is 204, anything else 404.
 * Rejects when the engine files fail their hash check.
 */
export async function startGodot4StaticServer(options: Godot4StaticServerOptions = {}): Promise<Godot4StaticServer> {
  const engine = await loadGodot4Engine();
  const projectsDir = options.projectsDir ?? godot4ProjectsDir;
  const pack = (name: string): Promise<Uint8Array> => packGodot4Project(name, projectsDir);
  const http = createServer((request, response) => {
    serve(request, response, engine, pack).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', resolve);
  });
  const address = http.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    pageUrl: (project, args = {}) => {
      const query = new URLSearchParams({ _project: project });
      for (const [key, value] of Object.entries(args)) query.append(key, String(value));
      return `${url}?${query}`;
    },
    pack,
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  engine: Godot4Engine,
  pack: (name: string) => Promise<Uint8Array>,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'GET only');
  if (path === '/' || path === '/index.html') return send(response, 200, 'text/html; charset=utf-8', godot4PageHtml);
  if (path === '/index.js') return send(response, 200, 'text/javascript', engine.js);
  if (path === '/index.wasm') return send(response, 200, 'application/wasm', engine.wasm);
  if (path === '/favicon.ico') return send(response, 204, 'text/plain', '');
  const project = /^\/([A-Za-z0-9_-]+)\.pck$/.exec(path)?.[1];
  if (project !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = await pack(project);
    } catch (error) {
      return send(response, 404, 'text/plain', error instanceof Error ? error.message : String(error));
    }
    return send(response, 200, 'application/octet-stream', bytes);
  }
  send(response, 404, 'text/plain', `not found: ${path}`);
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

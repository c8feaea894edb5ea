import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { BrowserBenchConfig, BrowserBenchResult } from './browser-bench-config.js';

const HTML = `<!doctype html><meta charset="utf-8"><title>wspeer bench</title>
<script type="module" src="/page.js"></script>`;

/** The HTTP server of the bench page: `/` (HTML), `/page.js`, `/config`, and `POST /results`. */
export class PageServer {
  /** Settles with the page's results (or rejects after the timeout given to `start`). */
  readonly results: Promise<BrowserBenchResult>;
  private deliver: (result: BrowserBenchResult) => void = () => {};

  private constructor(
    private readonly server: Server,
    readonly url: string,
    timeoutMs: number,
  ) {
    this.results = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the page sent no results in ${timeoutMs / 1000} s`)), timeoutMs);
      this.deliver = (result) => {
        clearTimeout(timer);
        resolve(result);
      };
    });
  }

  /** Serves `bundlePath` and `config` on 127.0.0.1; the page has `timeoutMs` to post its results. */
  static async start(bundlePath: string, config: BrowserBenchConfig, timeoutMs: number): Promise<PageServer> {
    const bundle = await readFile(bundlePath);
    let page: PageServer | null = null;
    const server = createServer((request, response) => {
      if (request.method === 'POST' && request.url === '/results') {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          response.end('ok');
          page?.deliver(JSON.parse(Buffer.concat(chunks).toString('utf8')) as BrowserBenchResult);
        });
        return;
      }
      const [type, body] =
        request.url === '/'
          ? ['text/html', HTML]
          : request.url === '/page.js'
            ? ['text/javascript', bundle]
            : request.url === '/config'
              ? ['application/json', JSON.stringify(config)]
              : ['text/plain', ''];
      response.writeHead(body === '' ? 404 : 200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    page = new PageServer(server, `http://127.0.0.1:${port}/`, timeoutMs);
    return page;
  }

  /** Stops serving. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

import { type Browser, chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { Godot4Client } from './godot4-client.js';
import {
  type Godot4Args,
  type Godot4StaticServer,
  type Godot4StaticServerOptions,
  startGodot4StaticServer,
} from './godot4-static-server.js';

const LAUNCH_MS = 30_000;
const NAVIGATE_MS = 15_000;
const CLOSE_MS = 10_000;

/** Pids of this process's browsers still open: killed (their whole process group) if the process exits first. */
const browsers = new Set<number>();
process.once('exit', () => {
  for (const pid of browsers) killGroup(pid);
});

/** Options of {@link startGodot4Browser}. */
export interface Godot4BrowserOptions extends Godot4StaticServerOptions {
  /** Extra Chromium flags, after the shared ones of `chromium.ts`. */
  chromiumArgs?: string[];
}

/**
 * A headless Chromium and a static server on 127.0.0.1 that run Godot 4.6 instances, one page
 * each. Make one per test file (`beforeAll`) and close it in `afterAll`; start instances with
 * `start()` (in parallel with `Promise.all` when a test needs several) and stop them with
 * `client.stop()` or `stopAll()` (`afterEach`).
 */
export class Godot4Browser {
  /** The static server serving the page, the engine and the probe packs. */
  readonly server: Godot4StaticServer;
  readonly #browser: Browser;
  readonly #pid: number | null;
  readonly #clients = new Set<Godot4Client>();
  #closing: Promise<void> | null = null;

  /** Use {@link startGodot4Browser}. */
  constructor(browser: Browser, server: Godot4StaticServer, pid: number | null) {
    this.#browser = browser;
    this.server = server;
    this.#pid = pid;
    if (pid !== null) browsers.add(pid);
  }

  /**
   * Opens a page running probe project `project` (a folder of `godot4/`) with `args` as its
   * `key=value` user arguments; resolves once the page loaded (the engine then boots: wait for the
   * probe's first event). Rejects at once when there is no such project. The page closes after
   * `timeoutMs` at the latest.
   */
  async start(project: string, args: Godot4Args = {}, timeoutMs = 30_000): Promise<Godot4Client> {
    if (this.#closing !== null) throw new Error('Godot4Browser.start: the browser is closed');
    await this.server.pack(project); // a missing project fails here, not after the engine loader's retries
    return this.open(this.server.pageUrl(project, args), project, timeoutMs);
  }

  /**
   * Opens any page URL as one Godot instance named `label` (normally `start()` builds the URL): the
   * same console capture, time limit and cleanup. Resolves once the page loaded.
   */
  async open(url: string, label: string, timeoutMs = 30_000): Promise<Godot4Client> {
    if (this.#closing !== null) throw new Error('Godot4Browser.open: the browser is closed');
    const page = await this.#browser.newPage();
    const client = new Godot4Client(page, label, timeoutMs);
    this.#clients.add(client);
    page.once('close', () => this.#clients.delete(client));
    try {
      await page.goto(url, { timeout: NAVIGATE_MS, waitUntil: 'load' });
    } catch (error) {
      if (client.ended) return client; // closed by its own time limit while loading: `exited` says so
      await client.stop();
      throw new Error(`Godot 4 "${label}": the page did not load: ${String(error)}\n${client.transcript()}`);
    }
    return client;
  }

  /** Stops every instance still running (for `afterEach`). */
  async stopAll(): Promise<void> {
    const clients = [...this.#clients];
    this.#clients.clear();
    await Promise.all(clients.map((c) => c.stop()));
  }

  /** Stops every instance, closes the browser (killed if it does not close in time) and the server. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.stopAll();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_MS);
      });
      const closed = await Promise.race([
        this.#browser.close().then(
          () => true,
          () => false,
        ),
        late.then(() => false),
      ]);
      clearTimeout(timer);
      if (this.#pid !== null) {
        if (!closed) killGroup(this.#pid);
        browsers.delete(this.#pid);
      }
      await this.server.close();
    })();
    return this.#closing;
  }
}

/**
 * Starts the static server (checking the engine's sha256 first) and a headless Chromium
 * (Debian's, with the flags of `chromium.ts`). Both on 127.0.0.1 only, both stopped by `close()`.
 */
export async function startGodot4Browser(options: Godot4BrowserOptions = {}): Promise<Godot4Browser> {
  const server = await startGodot4StaticServer(options);
  try {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...chromiumArgs, ...(options.chromiumArgs ?? [])],
      headless: true,
      timeout: LAUNCH_MS,
    });
    const pid = await browserPid(browser).catch(() => null);
    return new Godot4Browser(browser, server, pid);
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** The browser process id, from the DevTools protocol (Playwright does not expose a launched browser's process). */
async function browserPid(browser: Browser): Promise<number | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    return info.processInfo.find((p) => p.type === 'browser')?.id ?? null;
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Playwright starts the browser as a process group leader: SIGKILL the group, else the process. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killChild, reapOnExit } from '../child-reaper.js';

/** Debian's Chromium (installed by `npm test`'s bootstrap). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A running headless Chromium; `close()` kills its whole process group and removes its profile. */
export interface Chromium {
  close(): Promise<void>;
}

/**
 * Launches Chromium directly (no driver protocol in the measuring loop) on `url`, headless, in
 * its own process group with a throw-away profile directory.
 */
export async function launchChromium(url: string): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing (apt-get install -y chromium)`);
  const profile = await mkdtemp(join(tmpdir(), 'wspeer-bench-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      url,
    ],
    { detached: true, stdio: 'ignore' },
  );
  reapOnExit(child, true);
  return {
    async close() {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      killChild(child, true);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

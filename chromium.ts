import { existsSync } from 'node:fs';

/** Debian's Chromium, installed by the bootstrap script (no browser download). */
export const chromiumPath = '/usr/bin/chromium';

/** Flags for a headless Chromium on a closed network, as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

if (!existsSync(chromiumPath)) {
  console.warn(`[wspeer] ${chromiumPath} is missing: run "npm test" (it installs it) or apt-get install -y chromium`);
}

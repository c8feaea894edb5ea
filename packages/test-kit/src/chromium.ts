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

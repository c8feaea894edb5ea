import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Whether this process has loaded `bufferutil` (which `ws` does at start-up unless
 * `WS_NO_BUFFER_UTIL` is set and the add-on can be found), so its `ws` masks and unmasks natively.
 */
export function bufferutilLoaded(): boolean {
  return Object.keys(require.cache).some((path) => /[\\/]bufferutil[\\/]/.test(path));
}

/** The environment of a child process whose `ws` may (or may not) load `bufferutil`. */
export function maskingEnv(bufferutil: boolean): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (bufferutil) delete env.WS_NO_BUFFER_UTIL;
  else env.WS_NO_BUFFER_UTIL = '1';
  return env;
}

import { msg } from './msg.js';

const warned = new Set<string>();

/** Prints `message` with `console.warn` the first time `key` is seen in this process or page. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[wspeer] ${message}`);
}

/**
 * Warns once that `what` (a member or setting) cannot work in a browser: how the members that do
 * less there (they return a neutral value) say so. One message pattern for all, so bundles carry it once.
 */
export function notInBrowsers(what: string): void {
  warnOnce(what, msg`${what}: not in browsers.`);
}

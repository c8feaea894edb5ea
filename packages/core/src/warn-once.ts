const warned = new Set<string>();

/** Prints `message` with `console.warn` the first time `key` is seen in this process or page. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[wspeer] ${message}`);
}

/** Anything with a Godot-style `poll()`. */
export interface Pollable {
  poll(): void;
}

/**
 * Polls `peers` about every millisecond, the way a game loop would, until `done()` returns true.
 * Throws after `timeoutMs` with `what` in the message, so a test never hangs.
 */
export async function pollUntil(
  peers: Pollable | readonly Pollable[],
  done: () => boolean,
  what = 'condition',
  timeoutMs = 5000,
): Promise<void> {
  const list = Array.isArray(peers) ? peers : [peers as Pollable];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const peer of list) peer.poll();
    if (done()) return;
    if (Date.now() > deadline) throw new Error(`pollUntil: timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(1);
  }
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

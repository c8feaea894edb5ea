/** While no animation frame comes (hidden page), poll at least this often so messages do not pile up. */
const HIDDEN_POLL_MS = 500;

/**
 * Calls `tick` once per animation frame, the way a web game drives its `_process`: every
 * connection of the page is polled from here, so signals fire at one known point of each frame.
 * Browsers stop animation frames in hidden tabs; a slow timer then keeps ticking (at most every
 * {@link HIDDEN_POLL_MS}, throttled further by the browser). Returns a function that stops the loop.
 */
export function startFrameLoop(tick: (now: number) => void): () => void {
  let last = performance.now();
  let handle = 0;
  const frame = (now: number): void => {
    handle = requestAnimationFrame(frame);
    last = performance.now();
    tick(now);
  };
  handle = requestAnimationFrame(frame);
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last < HIDDEN_POLL_MS) return;
    last = now;
    tick(now);
  }, HIDDEN_POLL_MS);
  return () => {
    cancelAnimationFrame(handle);
    clearInterval(timer);
  };
}

/**
 * `setTimeout` that does not keep a Node process alive (browsers have no such notion): for
 * handshake, close and rate-limit timers, which only matter while a socket keeps the process up.
 */
export function setUnrefTimeout(task: () => void, ms: number): void {
  const timer: unknown = setTimeout(task, ms);
  (timer as { unref?: () => void }).unref?.();
}

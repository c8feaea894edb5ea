/**
 * Ping bookkeeping of one connection, for transports that can send protocol pings (Node's `ws`,
 * the loopback). A transport creates one on its first `heartbeat()` call and reports pongs to it.
 * Browsers cannot ping, so their transport has no heartbeat and this stays out of browser bundles.
 */
export class Heartbeat {
  #nextPingAt = -1;
  #awaitingPong = false;

  /** A pong arrived: the connection is alive. */
  pong(): void {
    this.#awaitingPong = false;
  }

  /**
   * Called from every poll while the connection is open. Sends a ping through `socket` every
   * `intervalMs` (the first one interval after the first call); returns false once a ping went
   * unanswered for a whole interval, meaning the connection should be dropped.
   */
  beat(now: number, intervalMs: number, socket: { ping(): void }): boolean {
    if (this.#nextPingAt < 0) {
      this.#nextPingAt = now + intervalMs;
      return true;
    }
    if (now < this.#nextPingAt) return true;
    if (this.#awaitingPong) return false;
    socket.ping();
    this.#awaitingPong = true;
    this.#nextPingAt = now + intervalMs;
    return true;
  }
}

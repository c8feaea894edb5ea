/**
 * Ping bookkeeping of one connection, for transports that can send protocol pings (Node's `ws`,
 * the loopback). A transport creates one on its first `heartbeat()` call and reports pongs to it.
 * Browsers cannot ping, so their transport has no heartbeat and this stays out of browser bundles.
 *
 * Pings go out every half interval; the connection is dead once a ping has gone unanswered for a
 * whole interval, confirmed by a second look at least a sixteenth of an interval later (so a pong
 * that waited in the socket while our own event loop was busy is read first). Polled every eighth
 * of an interval (as servers and auto-polled peers do), a peer that dies is detected within 1.5
 * intervals plus three polls: under two intervals.
 */
export class Heartbeat {
  #nextPingAt = -1;
  /** When the oldest ping not followed by a pong was sent; -1 when none is outstanding. */
  #unansweredSince = -1;
  /** When a ping was first seen overdue; -1 when none is. */
  #overdueSince = -1;

  /** A pong arrived: the connection is alive. */
  pong(): void {
    this.#unansweredSince = -1;
    this.#overdueSince = -1;
  }

  /**
   * Called from every poll while the connection is open. Sends a ping through `socket` every half
   * `intervalMs` (the first one half an interval after the first call); returns false once a ping
   * went unanswered for a whole interval, meaning the connection should be dropped. While we do not
   * `read` (back-pressure, a rate limit), a pong may be waiting unread: no judgement then, and an
   * outstanding ping gets a whole interval again once reading resumes.
   */
  beat(now: number, intervalMs: number, socket: { ping(): void }, read = true): boolean {
    if (this.#nextPingAt < 0) {
      this.#nextPingAt = now + intervalMs / 2;
      return true;
    }
    if (!read) {
      if (this.#unansweredSince >= 0) this.#unansweredSince = now;
      this.#overdueSince = -1;
      return true;
    }
    if (this.#unansweredSince >= 0 && now - this.#unansweredSince >= intervalMs) {
      if (this.#overdueSince < 0) this.#overdueSince = now;
      else if (now - this.#overdueSince >= intervalMs / 16) return false;
      return true;
    }
    if (now < this.#nextPingAt) return true;
    socket.ping();
    if (this.#unansweredSince < 0) this.#unansweredSince = now;
    this.#nextPingAt = now + intervalMs / 2;
    return true;
  }
}

/** Bit of an {@link AuthSession}'s `done`: we called `completeAuth` for the peer. */
export const AUTH_LOCAL = 1;
/** Bit of an {@link AuthSession}'s `done`: the peer told us it completed. */
export const AUTH_REMOTE = 2;

/** One peer in the authentication exchange. */
export interface AuthSession {
  /** Which sides completed: {@link AUTH_LOCAL} and {@link AUTH_REMOTE} bits. */
  done: number;
  /** When it connected (ms, `performance.now()`). */
  readonly since: number;
}

/**
 * Peers that connected but are not admitted yet because an `authCallback` is set (Godot 4's
 * `pending_peers`), by id: admitted once both sides have completed, dropped after the auth timeout.
 * Bounded by the connected peers (a peer is here only between its connection and its admission).
 */
export class AuthSessions extends Map<number, AuthSession> {
  /** Marks side `bit` of `id` complete; whether both sides now have (then `id` is removed). */
  complete(id: number, bit: number): boolean {
    const session = this.get(id);
    if (session === undefined) return false;
    session.done |= bit;
    return session.done === (AUTH_LOCAL | AUTH_REMOTE) && this.delete(id);
  }

  /**
   * With `timeoutMs > 0`: the ids whose authentication started `timeoutMs` or more before `now`
   * (removed), and when the next of the others expires (ms, `Infinity` if none) as `next`.
   */
  expire(now: number, timeoutMs: number): { expired: number[]; next: number } {
    const expired: number[] = [];
    let next = Number.POSITIVE_INFINITY;
    if (timeoutMs > 0) {
      for (const [id, { since }] of this) {
        if (since + timeoutMs <= now) expired.push(id);
        else next = Math.min(next, since + timeoutMs);
      }
    }
    for (const id of expired) this.delete(id);
    return { expired, next };
  }
}

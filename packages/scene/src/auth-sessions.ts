/** One peer in the authentication exchange. */
interface PendingPeer {
  /** We called `completeAuth` for it. */
  local: boolean;
  /** It told us it completed. */
  remote: boolean;
  /** When it connected (ms, `performance.now()`). */
  since: number;
}

/**
 * Peers that connected but are not admitted yet because an `authCallback` is set (Godot 4's
 * `pending_peers`): admitted once both sides have completed, dropped after the auth timeout.
 * Bounded by the connected peers (a peer is here only between its connection and its admission).
 */
export class AuthSessions {
  readonly #pending = new Map<number, PendingPeer>();

  /** Whether `id` is authenticating. */
  has(id: number): boolean {
    return this.#pending.has(id);
  }

  /** Ids authenticating. */
  ids(): number[] {
    return [...this.#pending.keys()];
  }

  /** How many are authenticating. */
  get size(): number {
    return this.#pending.size;
  }

  /** Starts authenticating `id`. */
  add(id: number, now: number): void {
    this.#pending.set(id, { local: false, remote: false, since: now });
  }

  /** Stops authenticating `id`; whether it was. */
  delete(id: number): boolean {
    return this.#pending.delete(id);
  }

  /** Whether we completed for `id`. */
  isLocallyComplete(id: number): boolean {
    return this.#pending.get(id)?.local === true;
  }

  /** Whether `id` said it completed. */
  isRemotelyComplete(id: number): boolean {
    return this.#pending.get(id)?.remote === true;
  }

  /** We completed for `id`; whether both sides now have. */
  completeLocally(id: number): boolean {
    const peer = this.#pending.get(id);
    if (peer === undefined) return false;
    peer.local = true;
    return peer.remote;
  }

  /** `id` completed; whether both sides now have. */
  completeRemotely(id: number): boolean {
    const peer = this.#pending.get(id);
    if (peer === undefined) return false;
    peer.remote = true;
    return peer.local;
  }

  /** The ids whose authentication started `timeoutMs` or more before `now` (0: never). */
  expired(now: number, timeoutMs: number): number[] {
    if (timeoutMs <= 0) return [];
    const out: number[] = [];
    for (const [id, peer] of this.#pending) if (peer.since + timeoutMs <= now) out.push(id);
    return out;
  }

  /** When the next authentication expires (ms), or `Infinity`. */
  nextExpiry(timeoutMs: number): number {
    let next = Number.POSITIVE_INFINITY;
    if (timeoutMs > 0) for (const peer of this.#pending.values()) next = Math.min(next, peer.since + timeoutMs);
    return next;
  }

  /** Forgets everyone. */
  clear(): void {
    this.#pending.clear();
  }
}

/** One other node of the cluster, as this node knows it. */
interface RemoteNode {
  /** Its clients. */
  readonly ids: Set<number>;
  /** When we last heard from it (`performance.now()`). */
  heardAt: number;
  /** The sequence number of its last batch. */
  sequence: number;
}

/** What changes in the membership are reported to. */
export interface MembershipListener {
  /** Peer `id` of another node joined. */
  joined(id: number): void;
  /** Peer `id` of another node left. */
  left(id: number): void;
}

/**
 * The other nodes of the cluster and their clients: who is where, when each was last heard from.
 * Every change goes to the listener, once (a peer announced twice joins once).
 */
export class RemoteNodes {
  readonly #nodes = new Map<string, RemoteNode>();
  readonly #owner = new Map<number, RemoteNode>();
  readonly #listener: MembershipListener;

  /** A table reporting changes to `listener`. */
  constructor(listener: MembershipListener) {
    this.#listener = listener;
  }

  /** How many other nodes we know. */
  get nodeCount(): number {
    return this.#nodes.size;
  }

  /** How many clients the other nodes have. */
  get peerCount(): number {
    return this.#owner.size;
  }

  /** Whether we know node `key` (heard from it within a lease). */
  knows(key: string): boolean {
    return this.#nodes.has(key);
  }

  /** Whether peer `id` is a client of another node. */
  has(id: number): boolean {
    return this.#owner.has(id);
  }

  /** The ids of every client of the other nodes. */
  ids(): IterableIterator<number> {
    return this.#owner.keys();
  }

  /**
   * Notes a batch from `key` with `sequence` at `now`: `false` if it is one we saw (a duplicate),
   * else the number of batches missed in between (0 normally).
   */
  heard(key: string, sequence: number, now: number): number | false {
    let node = this.#nodes.get(key);
    if (node === undefined) {
      node = { ids: new Set(), heardAt: now, sequence };
      this.#nodes.set(key, node);
      return 0;
    }
    const gap = (sequence - node.sequence) >>> 0;
    if (gap === 0 || gap > 0x7fffffff) return false;
    node.sequence = sequence;
    node.heardAt = now;
    return gap - 1;
  }

  /** Peer `id` of node `key` joined. */
  join(key: string, id: number): void {
    const node = this.#nodes.get(key);
    if (node === undefined || this.#owner.has(id)) return;
    node.ids.add(id);
    this.#owner.set(id, node);
    this.#listener.joined(id);
  }

  /** Peer `id` of node `key` left. */
  leave(key: string, id: number): void {
    const node = this.#nodes.get(key);
    if (node === undefined || !node.ids.delete(id)) return;
    this.#owner.delete(id);
    this.#listener.left(id);
  }

  /** Node `key` has exactly `ids` now: the missing leave, the new join. */
  reconcile(key: string, ids: readonly number[]): void {
    const node = this.#nodes.get(key);
    if (node === undefined) return;
    const now = new Set(ids);
    for (const id of node.ids) if (!now.has(id)) this.leave(key, id);
    for (const id of ids) this.join(key, id);
  }

  /** Node `key` is gone: all its peers left. Returns how many. */
  drop(key: string): number {
    const node = this.#nodes.get(key);
    if (node === undefined) return 0;
    const count = node.ids.size;
    for (const id of [...node.ids]) this.leave(key, id);
    this.#nodes.delete(key);
    return count;
  }

  /** Nodes not heard from since `before`. */
  silentSince(before: number): string[] {
    const silent: string[] = [];
    for (const [key, node] of this.#nodes) if (node.heardAt < before) silent.push(key);
    return silent;
  }
}

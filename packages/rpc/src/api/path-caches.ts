/** A path we send from: its cache id and which peers have it (true once confirmed). */
export interface SentPath {
  /** The cache id we number this path with. */
  id: number;
  /** Peers we sent SIMPLIFY_PATH to: true once they confirmed. */
  peers: Map<number, boolean>;
}

/**
 * Godot 3.2's path caches: paths we sent (numbered from 1, confirmation per peer) and paths each
 * sender taught us (`sender -> id -> path`).
 */
export class PathCaches {
  readonly #sent = new Map<string, SentPath>();
  readonly #received = new Map<number, Map<number, string>>();
  #nextId = 1;

  /** The entry for a path we send from, created (with the next id) on first use. */
  sentPath(path: string): SentPath {
    let entry = this.#sent.get(path);
    if (entry === undefined) {
      entry = { id: this.#nextId++, peers: new Map() };
      this.#sent.set(path, entry);
    }
    return entry;
  }

  /** Marks `peer` as having confirmed `path`; false when we never sent it that path. */
  confirm(path: string, peer: number): boolean {
    const entry = this.#sent.get(path);
    if (entry === undefined || !entry.peers.has(peer)) return false;
    entry.peers.set(peer, true);
    return true;
  }

  /** Remembers that `sender` calls `path` by `id`. */
  learn(sender: number, id: number, path: string): void {
    let table = this.#received.get(sender);
    if (table === undefined) {
      table = new Map();
      this.#received.set(sender, table);
    }
    table.set(id, path);
  }

  /** The path `sender` means by `id`, or `undefined`. */
  lookup(sender: number, id: number): string | undefined {
    return this.#received.get(sender)?.get(id);
  }

  /** Forgets a peer that left. */
  forget(peer: number): void {
    this.#received.delete(peer);
    for (const entry of this.#sent.values()) entry.peers.delete(peer);
  }

  /** Forgets everything and restarts ids at 1 (Godot's `clear()`). */
  clear(): void {
    this.#sent.clear();
    this.#received.clear();
    this.#nextId = 1;
  }
}

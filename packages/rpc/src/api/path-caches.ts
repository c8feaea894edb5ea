import { utf8Length } from '@wspeer/core';

/** A path we send from: its cache id and which peers have it (true once confirmed). */
export interface SentPath {
  /** The cache id we number this path with. */
  id: number;
  /** Peers we sent SIMPLIFY_PATH to: true once they confirmed. */
  peers: Map<number, boolean>;
}

/** Default budget of the paths one sender may teach us (UTF-8 bytes of the paths it simplified): 64 KiB. */
export const DEFAULT_MAX_PATH_CACHE_BYTES = 64 * 1024;

/** What an entry costs beyond its path's UTF-8 bytes (a map slot, the number, the string header). */
const ENTRY_COST = 32;

/** The paths one sender taught us, and what they cost. */
interface SenderPaths {
  paths: Map<number, string>;
  bytes: number;
}

/**
 * Godot 3.2's path caches: paths we sent (numbered from 1, confirmation per peer) and paths each
 * sender taught us (`sender -> id -> path`). What a sender may teach is bounded: its paths' UTF-8
 * bytes plus 32 per entry stay within the budget `learn` gets (a SIMPLIFY_PATH past it is refused and
 * not confirmed, so a Godot sender keeps naming that node by its full path, which still works).
 */
export class PathCaches {
  readonly #sent = new Map<string, SentPath>();
  readonly #received = new Map<number, SenderPaths>();

  /** Paths remote senders taught us, in all, and what they cost in bytes (UTF-8 plus 32 per entry); for stats. */
  learned(): { cachedPaths: number; cachedPathBytes: number } {
    let cachedPaths = 0;
    let cachedPathBytes = 0;
    for (const table of this.#received.values()) {
      cachedPaths += table.paths.size;
      cachedPathBytes += table.bytes;
    }
    return { cachedPaths, cachedPathBytes };
  }

  /** The entry for a path we send from, created on first use (ids count from 1; only `clear` removes entries). */
  sentPath(path: string): SentPath {
    let entry = this.#sent.get(path);
    if (entry === undefined) {
      entry = { id: this.#sent.size + 1, peers: new Map() };
      this.#sent.set(path, entry);
    }
    return entry;
  }

  /** Marks `peer` as having confirmed `path`; false when we never sent it that path. */
  confirm(path: string, peer: number): boolean {
    const peers = this.#sent.get(path)?.peers;
    return peers?.has(peer) === true && peers.set(peer, true) !== undefined;
  }

  /** Remembers that `sender` calls `path` by `id`; false (nothing kept) when that would exceed its `budget` (bytes). */
  learn(sender: number, id: number, path: string, budget: number): boolean {
    let table = this.#received.get(sender);
    if (table === undefined) {
      table = { paths: new Map(), bytes: 0 };
      this.#received.set(sender, table);
    }
    const old = table.paths.get(id);
    const bytes = table.bytes + utf8Length(path) - (old === undefined ? 0 : utf8Length(old) + ENTRY_COST) + ENTRY_COST;
    if (bytes > budget) return false;
    table.paths.set(id, path);
    table.bytes = bytes;
    return true;
  }

  /** The path `sender` means by `id`, or `undefined`. */
  lookup(sender: number, id: number): string | undefined {
    return this.#received.get(sender)?.paths.get(id);
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
  }
}

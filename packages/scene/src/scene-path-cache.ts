/** A path we send RPCs from: its cache id and, per peer we told it to, whether it confirmed. */
export interface SentPath {
  /** Our cache id for it (one counter for all nodes, from 1). */
  readonly id: number;
  /** Peers we sent SIMPLIFY_PATH to: true once they confirmed. */
  readonly peers: Map<number, boolean>;
}

/** A path a peer taught us. */
export interface ReceivedPath {
  /** The path key (relative to the root). */
  readonly path: string;
  /** Whether its RPC checksum matched ours when it arrived. */
  readonly checksumOk: boolean;
}

/** What {@link ScenePathCache.confirm} found. */
export interface ConfirmResult {
  /** `'ok'`, `'unknown'` (no such id of ours) or `'unasked'` (we never sent that peer the path). */
  readonly result: 'ok' | 'unknown' | 'unasked';
  /** Our path with that id (`''` when unknown). */
  readonly path: string;
}

/** Why {@link ScenePathCache.learn} refused an entry. */
export type LearnResult = 'ok' | 'duplicate' | 'full';

/**
 * Godot 4's node path cache (`scene_cache_interface.cpp`): the ids we gave our paths with which peers
 * confirmed them, and per peer the ids it gave its paths. A peer can hold at most `maxPerPeer`
 * entries (Godot has no bound; a remote peer must not grow our memory without limit).
 */
export class ScenePathCache {
  readonly #sent = new Map<string, SentPath>();
  readonly #sentById = new Map<number, string>();
  readonly #received = new Map<number, Map<number, ReceivedPath>>();
  /** Per peer, the paths it taught us with a checksum that did not match (at most `maxPerPeer`). */
  readonly #mismatched = new Map<number, Set<string>>();
  #nextId = 1;
  /** Most paths one peer may teach us. */
  maxPerPeer: number;

  /** A cache holding at most `maxPerPeer` received paths per peer. */
  constructor(maxPerPeer = 1024) {
    this.maxPerPeer = maxPerPeer;
  }

  /** The entry for a path we send from, numbered on first use. */
  sent(path: string): SentPath {
    let entry = this.#sent.get(path);
    if (entry === undefined) {
      entry = { id: this.#nextId++, peers: new Map() };
      this.#sent.set(path, entry);
      this.#sentById.set(entry.id, path);
    }
    return entry;
  }

  /** Whether `peer` confirmed our path `path`. */
  isConfirmed(path: string, peer: number): boolean {
    return this.#sent.get(path)?.peers.get(peer) === true;
  }

  /**
   * A CONFIRM_PATH from `peer` for our id `id`: `'ok'`, `'unknown'` (no such id: the node may be gone,
   * Godot ignores it) or `'unasked'` (we never sent that peer the path). Returns the path too.
   */
  confirm(peer: number, id: number): ConfirmResult {
    const path = this.#sentById.get(id);
    if (path === undefined) return { result: 'unknown', path: '' };
    const peers = (this.#sent.get(path) as SentPath).peers;
    if (!peers.has(peer)) return { result: 'unasked', path };
    peers.set(peer, true);
    return { result: 'ok', path };
  }

  /** Remembers that `peer` calls `path` by `id`. */
  learn(peer: number, id: number, entry: ReceivedPath): LearnResult {
    let table = this.#received.get(peer);
    if (table === undefined) {
      table = new Map();
      this.#received.set(peer, table);
    }
    if (table.has(id)) return 'duplicate';
    if (table.size >= this.maxPerPeer) return 'full';
    table.set(id, entry);
    if (!entry.checksumOk) {
      let bad = this.#mismatched.get(peer);
      if (bad === undefined) {
        bad = new Set();
        this.#mismatched.set(peer, bad);
      }
      bad.add(entry.path);
    }
    return 'ok';
  }

  /** The path `peer` means by `id`. */
  lookup(peer: number, id: number): ReceivedPath | undefined {
    return this.#received.get(peer)?.get(id);
  }

  /** Whether `peer` taught us `path` with a checksum that did not match ours. */
  isMismatched(peer: number, path: string): boolean {
    return this.#mismatched.get(peer)?.has(path) === true;
  }

  /** How many paths `peer` taught us. */
  receivedCount(peer: number): number {
    return this.#received.get(peer)?.size ?? 0;
  }

  /** Forgets a peer that left: its paths, and its confirmations of ours. */
  forget(peer: number): void {
    this.#received.delete(peer);
    this.#mismatched.delete(peer);
    for (const entry of this.#sent.values()) entry.peers.delete(peer);
  }

  /** Forgets everything; ids restart at 1 (Godot's `clear()`). */
  clear(): void {
    this.#sent.clear();
    this.#sentById.clear();
    this.#received.clear();
    this.#mismatched.clear();
    this.#nextId = 1;
  }
}

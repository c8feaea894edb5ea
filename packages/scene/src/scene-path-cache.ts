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

/** Why {@link ScenePathCache.learn} refused an entry. */
export type LearnResult = 'ok' | 'duplicate' | 'full';

/** What one peer taught us: its paths by its ids, and those whose checksum did not match ours. */
interface PeerPaths {
  readonly ids: Map<number, ReceivedPath>;
  readonly mismatched: Set<string>;
}

/**
 * Godot 4's node path cache (`scene_cache_interface.cpp`): the ids we gave our paths with which peers
 * confirmed them, and per peer the ids it gave its paths. A peer can hold at most `maxPerPeer`
 * entries (Godot has no bound; a remote peer must not grow our memory without limit).
 */
export class ScenePathCache {
  readonly #sent = new Map<string, SentPath>();
  /** Our paths by cache id (index 0 unused: ids start at 1). */
  readonly #sentById: string[] = [''];
  readonly #received = new Map<number, PeerPaths>();
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
      entry = { id: this.#sentById.push(path) - 1, peers: new Map() };
      this.#sent.set(path, entry);
    }
    return entry;
  }

  /** Whether `peer` confirmed our path `path`. */
  isConfirmed(path: string, peer: number): boolean {
    return this.#sent.get(path)?.peers.get(peer) === true;
  }

  /**
   * A CONFIRM_PATH from `peer` for our id `id`: our path (now confirmed), `undefined` when we have no
   * such id (the node may be gone: Godot ignores it), `null` when we never sent that peer the path.
   */
  confirm(peer: number, id: number): string | null | undefined {
    const path = id > 0 ? this.#sentById[id] : undefined;
    if (path === undefined) return undefined;
    const peers = (this.#sent.get(path) as SentPath).peers;
    if (!peers.has(peer)) return null;
    peers.set(peer, true);
    return path;
  }

  /** Remembers that `peer` calls `path` by `id`. */
  learn(peer: number, id: number, entry: ReceivedPath): LearnResult {
    let paths = this.#received.get(peer);
    if (paths === undefined) {
      paths = { ids: new Map(), mismatched: new Set() };
      this.#received.set(peer, paths);
    }
    if (paths.ids.has(id)) return 'duplicate';
    if (paths.ids.size >= this.maxPerPeer) return 'full';
    paths.ids.set(id, entry);
    if (!entry.checksumOk) paths.mismatched.add(entry.path);
    return 'ok';
  }

  /** The path `peer` means by `id`. */
  lookup(peer: number, id: number): ReceivedPath | undefined {
    return this.#received.get(peer)?.ids.get(id);
  }

  /** Whether `peer` taught us `path` with a checksum that did not match ours. */
  isMismatched(peer: number, path: string): boolean {
    return this.#received.get(peer)?.mismatched.has(path) === true;
  }

  /** Forgets a peer that left: its paths, and its confirmations of ours. */
  forget(peer: number): void {
    this.#received.delete(peer);
    for (const entry of this.#sent.values()) entry.peers.delete(peer);
  }

  /** Forgets everything; ids restart at 1 (Godot's `clear()`). */
  clear(): void {
    this.#sent.clear();
    this.#sentById.length = 1;
    this.#received.clear();
  }
}

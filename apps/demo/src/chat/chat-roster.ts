/** One entry of the chat's peer list. */
export interface ChatPeer {
  id: number;
  /** The nickname learned from the peer's messages (`""` until it spoke). */
  name: string;
}

const NICK = /^([^:\n]{1,24}): /;

/**
 * The chat's peer list. Ids come from the server (multiplayer mode: `peer_connected`; raw mode: the
 * "[id] connected" announcements, so only peers that joined or spoke after us are known); names
 * come from messages, which the page sends as `"nickname: text"`.
 */
export class ChatRoster {
  /** Bumped on every change, so a view re-renders only when needed. */
  version = 0;
  readonly #peers = new Map<number, string>();

  /** Adds a peer (no-op if known). */
  add(id: number): void {
    if (this.#peers.has(id)) return;
    this.#peers.set(id, '');
    this.version++;
  }

  /** Removes a peer; false if it was unknown. */
  remove(id: number): boolean {
    if (!this.#peers.delete(id)) return false;
    this.version++;
    return true;
  }

  /** Learns (and adds) the sender of `body` when it starts with `"nickname: "`. */
  learn(id: number, body: string): void {
    const name = NICK.exec(body)?.[1] ?? '';
    if (this.#peers.get(id) === name || (name === '' && this.#peers.has(id))) return;
    this.#peers.set(id, name);
    this.version++;
  }

  /** Applies a server announcement (`"[id] connected"` / `"[id] disconnected"`); false for other text. */
  announce(text: string): boolean {
    const match = /^\[(\d+)\] (connected|disconnected)$/.exec(text);
    if (match === null) return false;
    const id = Number(match[1]);
    if (match[2] === 'connected') this.add(id);
    else this.remove(id);
    return true;
  }

  /** The display name of `id`: its nickname, else `#id`. */
  nameOf(id: number): string {
    return this.#peers.get(id) || `#${id}`;
  }

  /** The peers in the order they became known. */
  list(): ChatPeer[] {
    return [...this.#peers].map(([id, name]) => ({ id, name }));
  }

  /** Forgets everyone. */
  clear(): void {
    if (this.#peers.size === 0) return;
    this.#peers.clear();
    this.version++;
  }
}

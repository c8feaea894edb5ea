import type { MultiplayerPeer } from '@wspeer/multiplayer';

/** Whether `id` is a client of this process: false only for a peer of another server in a cluster room (no socket here). */
export function isLocalPeer(peer: MultiplayerPeer, id: number): boolean {
  return peer.getPeer?.(id) !== null;
}

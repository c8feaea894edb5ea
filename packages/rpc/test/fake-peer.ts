import { SignalEmitter } from '@wspeer/core';
import type { MultiplayerPeer, MultiplayerPeerEvents } from '@wspeer/multiplayer';

/**
 * An in-memory server-side MultiplayerPeer for unit tests of the RPC layer: `inject` queues a
 * packet from a peer as if it had arrived; `sent` records what the API sends (target, bytes).
 */
export class FakeServerPeer extends SignalEmitter<MultiplayerPeerEvents> {
  readonly sent: Array<{ to: number; packet: Uint8Array }> = [];
  transferMode = 0;
  transferChannel = 0;
  refuseNewConnections = false;
  #target = 0;
  readonly #inbox: Array<{ from: number; packet: Uint8Array }> = [];

  /** The API over this peer, typed as the contract. */
  asPeer(): MultiplayerPeer {
    return this as unknown as MultiplayerPeer;
  }

  /** Peer `id` joined. */
  join(id: number): void {
    this.emit('peer_connected', id);
  }

  /** A packet from `from` arrived. */
  inject(from: number, packet: Uint8Array): void {
    this.#inbox.push({ from, packet });
    this.emit('peer_packet', from);
  }

  poll(): void {}
  getConnectionStatus(): number {
    return 2;
  }
  getUniqueId(): number {
    return 1;
  }
  isServer(): boolean {
    return true;
  }
  getAvailablePacketCount(): number {
    return this.#inbox.length;
  }
  getPacketPeer(): number {
    return this.#inbox[0]?.from ?? 0;
  }
  getPacket(): Uint8Array {
    return this.#inbox.shift()?.packet ?? new Uint8Array(0);
  }
  setTargetPeer(id: number): void {
    this.#target = id;
  }
  putPacket(packet: Uint8Array): number {
    this.sent.push({ to: this.#target, packet: packet.slice() });
    return 0;
  }
}

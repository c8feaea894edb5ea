import { msg } from '@wspeer/core';
import { type MultiplayerPeer, TARGET_PEER_SERVER, TransferMode } from '@wspeer/multiplayer';
import { isLocalPeer } from './is-local-peer.js';
import { SysCommand } from './scene-command.js';
import { relayPacket, sysPacket } from './scene-packets.js';

/**
 * The server side of a `SceneMultiplayer` with `serverRelay` on: what only a server does (Godot 4's
 * `_admit_peer` / `_del_peer` announcements and the RELAY forwarding), kept out of clients' bundles.
 * Injected with the `server` option (`wspeer/scene` in Node does it; a server in a page passes
 * {@link sceneServer} itself), as `WebSocketMultiplayerPeer` takes its server factory.
 */
export interface SceneServer {
  /**
   * Tells the local clients in `peers` (but `id`) that `id` was admitted (`added`) or left; a newly
   * admitted local `id` hears of each of them (ADD_PEER / DEL_PEER, reliable, channel 0).
   */
  announce(peer: MultiplayerPeer, peers: ReadonlySet<number>, id: number, added: boolean): void;
  /**
   * Forwards a RELAY packet from client `from` to `to` (0 all, -N all but N) with `from` as its true
   * source, in the transfer mode and channel it came with. Returns whether the server itself is a
   * target (process `inner` here), or why it was refused.
   */
  relay(
    peer: MultiplayerPeer,
    peers: ReadonlySet<number>,
    from: number,
    to: number,
    inner: Uint8Array,
    mode: TransferMode,
    channel: number,
  ): boolean | string;
}

/** One packet to one peer through the transport. */
function send(peer: MultiplayerPeer, to: number, packet: Uint8Array): void {
  peer.setTargetPeer(to);
  peer.putPacket(packet);
}

/** Godot 4's server side of SceneMultiplayer (see {@link SceneServer}). */
export const sceneServer: SceneServer = {
  announce(peer, peers, id, added) {
    peer.transferChannel = 0;
    peer.transferMode = TransferMode.RELIABLE;
    // In a cluster room each server announces to its own clients (peers of others are not local).
    const packet = sysPacket(added ? SysCommand.ADD_PEER : SysCommand.DEL_PEER, id);
    const told = added && isLocalPeer(peer, id);
    for (const other of peers) {
      if (other === id) continue;
      if (isLocalPeer(peer, other)) send(peer, other, packet);
      if (told) send(peer, id, sysPacket(SysCommand.ADD_PEER, other));
    }
  },
  relay(peer, peers, from, to, inner, mode, channel) {
    if (to > 0 && !peers.has(to)) return msg`Relay to peer ${to}, which is not connected (it may just have left).`;
    const forwarded = relayPacket(from, inner);
    peer.transferMode = mode;
    peer.transferChannel = channel;
    if (to > 0) {
      if (to !== TARGET_PEER_SERVER) send(peer, to, forwarded);
      return to === TARGET_PEER_SERVER;
    }
    for (const id of peers) if (id !== from && id !== -to) send(peer, id, forwarded);
    return to !== -TARGET_PEER_SERVER;
  },
};

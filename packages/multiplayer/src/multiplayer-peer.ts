import type { ConnectionStatus, ErrorCode } from '@wspeer/core';
import type { TransferMode } from './constants.js';

/** Signals of a {@link MultiplayerPeer}, named as in Godot. */
export interface MultiplayerPeerEvents {
  /** A peer joined (on clients: the server as id 1, and other clients as the server announces them). */
  peer_connected: (id: number) => void;
  /** A peer left. */
  peer_disconnected: (id: number) => void;
  /** A packet from `id` was queued (Godot 3's `peer_packet`). */
  peer_packet: (id: number) => void;
  /** Client: the server accepted us and gave us an id. */
  connection_succeeded: () => void;
  /** Client: the connection attempt failed. */
  connection_failed: () => void;
  /** Client: the server went away after we were connected. */
  server_disconnected: () => void;
  /**
   * Server: a packet (or a peer) was refused: spoofed sender, system message from a client,
   * unknown target, short header, a peer over its buffer limits. `kind` names the rule
   * (`"spoofed-sender"`, `"buffer-overflow"`, ...), as counted in `stats().refused`. Not a Godot signal.
   */
  packet_dropped: (from: number, reason: string, kind: string) => void;
}

/**
 * Godot's `MultiplayerPeer` contract, transport-agnostic: what a high-level multiplayer layer
 * (such as `@wspeer/rpc`'s `MultiplayerAPI`) needs from a peer.
 */
export interface MultiplayerPeer {
  /** Applies what arrived; signals fire from here. */
  poll(): void;
  /** Sends `buffer` to the current target peer. */
  putPacket(buffer: Uint8Array): ErrorCode;
  /** Removes and returns the next packet. */
  getPacket(): Uint8Array;
  /** The error of the last `getPacket`. */
  getPacketError(): ErrorCode;
  /** Packets waiting. */
  getAvailablePacketCount(): number;
  /** Sender of the next packet (call before `getPacket`). */
  getPacketPeer(): number;
  /** Channel of the next packet (always 0 over WebSocket). */
  getPacketChannel(): number;
  /** Transfer mode of the next packet (always reliable over WebSocket). */
  getPacketMode(): TransferMode;
  /** 0 broadcast, 1 server, N one peer, -N everyone but N. */
  setTargetPeer(id: number): void;
  /** Requested transfer mode (reported; WebSocket is always reliable and ordered). */
  transferMode: TransferMode;
  /** Requested channel (reported; WebSocket has one ordered channel). */
  transferChannel: number;
  /** Server: refuse new peers while true. */
  refuseNewConnections: boolean;
  /** Poll by itself as soon as anything arrives (peers that support it). */
  autoPoll?: boolean;
  /** Our id: 1 for the server, 0 before a client is connected. */
  getUniqueId(): number;
  /** Whether this is the server. */
  isServer(): boolean;
  /** Disconnected, connecting or connected. */
  getConnectionStatus(): ConnectionStatus;
  /** Disconnects `id`; `force` forgets it at once without `peer_disconnected`. */
  disconnectPeer(id: number, force?: boolean): void;
  /** Drops everything at once, without `peer_disconnected` signals. */
  close(): void;
  /**
   * The ids of the peers connected now (a client: the server, 1, and the clients the server
   * announced). Optional: lets a `MultiplayerAPI` attached to a peer that is already connected know
   * its peers without having seen their `peer_connected` signals.
   */
  getPeerIds?(): number[];
  /** Whether the server relays packets between clients. */
  isServerRelaySupported(): boolean;
  /**
   * The connection of peer `id` held by this process, or `null`. Optional (Godot 4's `get_peer` of
   * `WebSocketMultiplayerPeer`): a server in a cluster room has none for a peer of another server,
   * whose own server announces it to its clients.
   */
  getPeer?(id: number): object | null;
  /** A random id for a new peer (2 to 2^31-1). */
  generateUniqueId(): number;
  /** Subscribes to a signal. */
  on: Subscribe<MultiplayerPeerEvents>;
  /** Subscribes to a signal for one emission. */
  once: Subscribe<MultiplayerPeerEvents>;
  /** Unsubscribes from a signal. */
  off: Subscribe<MultiplayerPeerEvents>;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** One overload per signal, so that any EventEmitter whose event map includes `Events` fits. */
export type Subscribe<Events> = UnionToIntersection<
  { [K in keyof Events]: (event: K, listener: Events[K]) => unknown }[keyof Events]
>;

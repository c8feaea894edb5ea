import { ConnectionStatus, ErrorCode, generatePeerId, SignalEmitter } from '@wspeer/core';
import { TARGET_PEER_SERVER, TransferMode } from './constants.js';
import type { MultiplayerPeer, MultiplayerPeerEvents } from './multiplayer-peer.js';

/**
 * Godot 4's `OfflineMultiplayerPeer`: the null object a game uses before it goes online. It is
 * always connected, always the server (id 1), has no other peers, drops what it is given and
 * never receives anything.
 */
export class OfflineMultiplayerPeer extends SignalEmitter<MultiplayerPeerEvents> implements MultiplayerPeer {
  /** Reported only. */
  transferMode: TransferMode = TransferMode.RELIABLE;
  /** Reported only. */
  transferChannel = 0;
  /** Reported only. */
  refuseNewConnections = false;

  /** Nothing to do. */
  poll(): void {}

  /** Accepted and dropped: there is nobody to send to. */
  putPacket(_buffer: Uint8Array): ErrorCode {
    return ErrorCode.OK;
  }

  /** Always empty. */
  getPacket(): Uint8Array {
    return new Uint8Array(0);
  }

  /** Always `ERR_UNAVAILABLE`: nothing is ever received. */
  getPacketError(): ErrorCode {
    return ErrorCode.ERR_UNAVAILABLE;
  }

  /** Always 0. */
  getAvailablePacketCount(): number {
    return 0;
  }

  /** Always 0. */
  getPacketPeer(): number {
    return 0;
  }

  /** Always 0. */
  getPacketChannel(): number {
    return 0;
  }

  /** Always reliable. */
  getPacketMode(): TransferMode {
    return TransferMode.RELIABLE;
  }

  /** Ignored. */
  setTargetPeer(_id: number): void {}

  /** Always 1: the offline peer is its own server. */
  getUniqueId(): number {
    return TARGET_PEER_SERVER;
  }

  /** Always true. */
  isServer(): boolean {
    return true;
  }

  /** Always connected. */
  getConnectionStatus(): ConnectionStatus {
    return ConnectionStatus.CONNECTION_CONNECTED;
  }

  /** Nothing to disconnect. */
  disconnectPeer(_id: number, _force = false): void {}

  /** Nothing to close. */
  close(): void {}

  /** False: there is nobody to relay to. */
  isServerRelaySupported(): boolean {
    return false;
  }

  /** A random id (2 to 2^31-1). */
  generateUniqueId(): number {
    return generatePeerId();
  }
}

import { type ErrorCode, generatePeerId } from '@wspeer/core';
import { TransferMode } from './constants.js';
import { type MultiplayerSession, SESSION } from './multiplayer-session.js';

/** Any class, abstract or not. */
// biome-ignore lint/suspicious/noExplicitAny: the mixin pattern needs an any-argument constructor type.
type Constructor = abstract new (...args: any[]) => object;

/**
 * The members {@link withPacketSide} adds. Named, so the declarations of the classes that use the
 * mixin refer to it (an inferred mixin type made tsc emit an invalid `import()` type for
 * `TransferMode`, which fails a user's type check with `skipLibCheck: false`).
 */
export interface PacketSide {
  /** The session behind the packet side (shared with the facade that drives this object, if any). */
  [SESSION]: MultiplayerSession;
  /** Removes and returns the next packet; empty with `ERR_UNAVAILABLE` when none. */
  getPacket(): Uint8Array;
  /** The error of the last `getPacket`. */
  getPacketError(): ErrorCode;
  /** Packets waiting. */
  getAvailablePacketCount(): number;
  /** Sender of the next packet (0 when none). */
  getPacketPeer(): number;
  /** Always 0: WebSocket has one channel. */
  getPacketChannel(): number;
  /** Always reliable over WebSocket. */
  getPacketMode(): TransferMode;
  /** 0 broadcast, 1 server, N one peer, -N everyone but N. */
  setTargetPeer(id: number): void;
  /** Requested transfer mode (reported; WebSocket is reliable and ordered). */
  transferMode: TransferMode;
  /** Requested channel (reported; WebSocket has one channel). */
  transferChannel: number;
  /** True: the server relays packets between clients. */
  isServerRelaySupported(): boolean;
  /** A random id for a new peer (2 to 2^31-1). */
  generateUniqueId(): number;
}

/**
 * Adds the packet side of Godot's `MultiplayerPeer` (reading packets with their sender, the target
 * peer, transfer mode and channel) to `Base`, backed by the instance's {@link MultiplayerSession} (the
 * transfer mode and channel, only reported, are plain fields of the instance).
 * The multiplayer client, server and `WebSocketMultiplayerPeer` have different bases (Godot 3's
 * client and server, an event emitter) and share these methods through it, written once.
 */
export function withPacketSide<TBase extends Constructor>(
  Base: TBase,
): TBase &
  (abstract new (
    // biome-ignore lint/suspicious/noExplicitAny: the mixin pattern needs an any-argument constructor type.
    ...args: any[]
  ) => PacketSide) {
  abstract class PacketSideImpl extends Base implements PacketSide {
    /** The session behind the packet side (shared with the facade that drives this object, if any). */
    abstract [SESSION]: MultiplayerSession;
    /** Requested transfer mode (reported; WebSocket is reliable and ordered). */
    transferMode: TransferMode = TransferMode.RELIABLE;
    /** Requested channel (reported; WebSocket has one channel). */
    transferChannel = 0;

    /** Removes and returns the next packet; empty with `ERR_UNAVAILABLE` when none. */
    getPacket(): Uint8Array {
      return this[SESSION].inbox.take();
    }

    /** The error of the last `getPacket`. */
    getPacketError(): ErrorCode {
      return this[SESSION].inbox.error;
    }

    /** Packets waiting. */
    getAvailablePacketCount(): number {
      return this[SESSION].inbox.length;
    }

    /** Sender of the next packet (0 when none). */
    getPacketPeer(): number {
      return this[SESSION].inbox.nextSender;
    }

    /** Always 0: WebSocket has one channel. */
    getPacketChannel(): number {
      return 0;
    }

    /** Always reliable over WebSocket. */
    getPacketMode(): TransferMode {
      return TransferMode.RELIABLE;
    }

    /** 0 broadcast, 1 server, N one peer, -N everyone but N. */
    setTargetPeer(id: number): void {
      this[SESSION].target = id;
    }

    /** True: the server relays packets between clients. */
    isServerRelaySupported(): boolean {
      return true;
    }

    /** A random id for a new peer (2 to 2^31-1). */
    generateUniqueId(): number {
      return generatePeerId();
    }
  }
  return PacketSideImpl;
}

import type { SignalEmitter } from '@wspeer/core';
import type { MultiplayerPeerEvents } from './multiplayer-peer.js';
import { SourcedPacketQueue } from './sourced-packet-queue.js';

/** Whom a session's signals go to: an event emitter whose event map includes the multiplayer signals. */
export type SignalOwner = Pick<SignalEmitter<MultiplayerPeerEvents>, 'emit' | 'listenerCount'>;

/** Where a multiplayer object keeps its {@link MultiplayerSession} (see `withPacketSide`). */
export const SESSION: unique symbol = Symbol();

/**
 * What every multiplayer peer has, once: the inbox of received packets with their senders, the
 * target peer of the next `putPacket`, and the multiplayer signals. A
 * `WebSocketMultiplayerPeer` shares its session with the client or server it drives, so the target
 * is kept in one place and signals reach the facade without forwarding.
 */
export class MultiplayerSession {
  /** Received packets and their senders. */
  readonly inbox = new SourcedPacketQueue();
  /** 0 broadcast, 1 server, N one peer, -N everyone but N. */
  target = 0;
  /**
   * Where a server logs the refusals nobody listens to (rate-limited; `null` silences them,
   * `undefined` means `console.warn`). A client refuses nothing.
   */
  readonly log: ((line: string) => void) | null | undefined;
  /** The owner's signals (handlers that throw are reported, see `SignalEmitter`); `null` once muted. */
  signals: SignalOwner | null;

  /** A session whose signals go to `signals`; a server's refusals nobody listens to go to `log`. */
  constructor(signals: SignalOwner, log?: ((line: string) => void) | null) {
    this.signals = signals;
    this.log = log;
  }

  /** Queues a received packet from `sender` and fires `peer_packet`. */
  store(packet: Uint8Array, sender: number): void {
    this.inbox.push(packet, sender);
    this.signals?.emit('peer_packet', sender);
  }

  /** Stops every signal (the owner let go of the client or server that holds this session). */
  mute(): void {
    this.signals = null;
  }

  /** A fresh session for the same owner, with the same target and an empty inbox. */
  successor(): MultiplayerSession {
    const next = new MultiplayerSession(this.signals as SignalOwner, this.log);
    next.target = this.target;
    return next;
  }
}

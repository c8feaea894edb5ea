import * as LinkEvent from './constants/link-event-values.js';
import { LINK_CONTROL, LINK_MESSAGE } from './internal-keys.js';
import type { TransportEvents } from './transport.js';

/** Control events a link queues for the next poll, in arrival order with the messages. A module namespace. */
export { LinkEvent };

/** One queued control event. `seq` is how many messages had arrived before it. */
export interface ControlEvent {
  /** One of {@link LinkEvent}. */
  kind: number;
  /** Messages that had arrived before this event. */
  seq: number;
  /** Protocol (open), message (error) or reason (close). */
  text: string;
  /** Close code, or the code an error fails the connection with. */
  code: number;
  /** Close: both close frames exchanged. Dropped: the connection had been open. */
  wasClean: boolean;
}

/** The side of a peer that a link talks to. */
export interface LinkTarget {
  /** A message arrived. */
  [LINK_MESSAGE](data: Uint8Array | string, isText: boolean): void;
  /** A control event arrived. */
  [LINK_CONTROL](kind: number, text: string, code: number, wasClean: boolean): void;
}

/**
 * Binds one transport (one connection attempt) to its peer. When the peer reconnects or drops the
 * connection, the old link is killed so a late event from the old socket cannot touch the peer.
 */
export class PeerLink implements TransportEvents {
  /** Set when the peer no longer listens to this link. */
  dead = false;

  readonly #target: LinkTarget;

  constructor(target: LinkTarget) {
    this.#target = target;
  }

  /** Forwards the open event unless the link is dead. */
  onOpen(protocol: string): void {
    if (!this.dead) this.#target[LINK_CONTROL](LinkEvent.OPEN, protocol, 0, false);
  }

  /** Forwards a message unless the link is dead. */
  onMessage(data: Uint8Array | string, isText: boolean): void {
    if (!this.dead) this.#target[LINK_MESSAGE](data, isText);
  }

  /** Forwards an error unless the link is dead. */
  onError(message: string, closeCode?: number): void {
    if (!this.dead) this.#target[LINK_CONTROL](LinkEvent.ERROR, message, closeCode ?? 0, false);
  }

  /** Forwards the close event unless the link is dead. */
  onClose(code: number, reason: string, wasClean: boolean): void {
    if (!this.dead) this.#target[LINK_CONTROL](LinkEvent.CLOSE, reason, code, wasClean);
  }
}

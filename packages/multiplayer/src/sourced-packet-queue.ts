import { ErrorCode } from '@wspeer/core';

const EMPTY = new Uint8Array(0);

/**
 * FIFO of received multiplayer packets with their sender ids (no copies), and the error of the
 * last `take()`: the inbound half of a MultiplayerPeer, shared by clients and servers.
 */
export class SourcedPacketQueue {
  /** The error of the last `take()`: `OK`, or `ERR_UNAVAILABLE` when it found nothing. */
  error: ErrorCode = ErrorCode.OK;
  #data: Array<Uint8Array | undefined> = [];
  #from: number[] = [];
  #head = 0;

  /** Packets waiting. */
  get length(): number {
    return this.#data.length - this.#head;
  }

  /** Sender of the next packet, or 0 when empty. */
  get nextSender(): number {
    return this.#head < this.#from.length ? (this.#from[this.#head] as number) : 0;
  }

  /** Appends a packet from `sender`. */
  push(packet: Uint8Array, sender: number): void {
    this.#data.push(packet);
    this.#from.push(sender);
  }

  /** Removes and returns the oldest packet, or `undefined`. */
  shift(): Uint8Array | undefined {
    if (this.#head >= this.#data.length) return undefined;
    const packet = this.#data[this.#head];
    this.#data[this.#head++] = undefined;
    if (this.#head > 64 && this.#head * 2 > this.#data.length) this.#compact();
    return packet;
  }

  /** MultiplayerPeer's `getPacket`: the oldest packet, or an empty one with `error` set to `ERR_UNAVAILABLE`. */
  take(): Uint8Array {
    const packet = this.shift();
    this.error = packet === undefined ? ErrorCode.ERR_UNAVAILABLE : ErrorCode.OK;
    return packet ?? EMPTY;
  }

  /** Drops every packet. */
  clear(): void {
    this.#data = [];
    this.#from = [];
    this.#head = 0;
  }

  #compact(): void {
    this.#data = this.#data.slice(this.#head);
    this.#from = this.#from.slice(this.#head);
    this.#head = 0;
  }
}

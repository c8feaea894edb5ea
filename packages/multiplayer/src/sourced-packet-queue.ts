import { ErrorCode } from '@wspeer/core';

const EMPTY = new Uint8Array(0);

/**
 * FIFO of received multiplayer packets with their sender ids (no copies), and the error of the
 * last `take()`: the inbound half of a MultiplayerPeer, shared by clients and servers. One array
 * holds each packet followed by its sender (one push per entry, no second array to keep in step).
 */
export class SourcedPacketQueue {
  /** The error of the last `take()`: `OK`, or `ERR_UNAVAILABLE` when it found nothing. */
  error: ErrorCode = ErrorCode.OK;
  /** Packet, sender, packet, sender...; the entries before `#head` are taken. */
  #items: Array<Uint8Array | number | undefined> = [];
  #head = 0;

  /** Packets waiting. */
  get length(): number {
    return (this.#items.length - this.#head) / 2;
  }

  /** Sender of the next packet, or 0 when empty. */
  get nextSender(): number {
    return (this.#items[this.#head + 1] as number | undefined) ?? 0;
  }

  /** Appends a packet from `sender`. */
  push(packet: Uint8Array, sender: number): void {
    this.#items.push(packet, sender);
  }

  /** Removes and returns the oldest packet, or `undefined`. */
  shift(): Uint8Array | undefined {
    const items = this.#items;
    if (this.#head >= items.length) return undefined;
    const packet = items[this.#head] as Uint8Array;
    items[this.#head] = undefined;
    this.#head += 2;
    if (this.#head > 128 && this.#head * 2 > items.length) {
      this.#items = items.slice(this.#head);
      this.#head = 0;
    }
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
    this.#items = [];
    this.#head = 0;
  }
}

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

  /** MultiplayerPeer's `getPacket`: removes and returns the oldest packet, or an empty one with `error` set to `ERR_UNAVAILABLE`. */
  take(): Uint8Array {
    const items = this.#items;
    const head = this.#head;
    if (head >= items.length) {
      this.error = ErrorCode.ERR_UNAVAILABLE;
      return EMPTY;
    }
    const packet = items[head] as Uint8Array;
    items[head] = undefined;
    this.#head = head + 2;
    if (this.#head > 128 && this.#head * 2 > items.length) {
      this.#items = items.slice(this.#head);
      this.#head = 0;
    }
    this.error = ErrorCode.OK;
    return packet;
  }

  /** Drops every packet. */
  clear(): void {
    this.#items = [];
    this.#head = 0;
  }
}

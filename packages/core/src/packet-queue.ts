import { utf8Length } from './utf8.js';

/**
 * FIFO ring of received messages. Messages are pushed as they arrive and become visible to
 * `shift()` only when published (poll-driven semantics); no message is copied. The ring comes
 * with the queue (a peer creates its queue when its first message arrives, so idle peers have
 * none). Every message has a sequence number (`pushed` before it arrived), which is how control
 * events are ordered against messages.
 */
export class PacketQueue {
  #items: Array<Uint8Array | string | undefined>;
  /** Per slot: the payload size, negated and minus one for text frames (exact up to 2^53 bytes). */
  #meta: Float64Array;
  #head = 0;
  #size = 0;
  /** Messages published since creation (shifted, cleared or visible): the next one to publish is number `#published`. */
  #published = 0;
  #mask: number;
  /** Total bytes held (published or not). */
  bytes = 0;
  /** Messages pushed since creation; the next message's sequence number. */
  pushed = 0;
  /** Whether the message last returned by `shift()` was a text frame. */
  lastWasText = false;

  constructor(capacity = 16) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.#items = new Array(cap);
    this.#meta = new Float64Array(cap);
    this.#mask = cap - 1;
  }

  /** Messages visible to `shift()`. */
  get length(): number {
    return this.#published - this.pushed + this.#size;
  }

  /** Messages pushed but not yet published. */
  get unpublished(): number {
    return this.pushed - this.#published;
  }

  /** Appends a message (not yet visible). `byteLength` is its payload size. */
  push(data: Uint8Array | string, isText: boolean, byteLength: number): void {
    if (this.#size === this.#items.length) this.#grow();
    const slot = (this.#head + this.#size) & this.#mask;
    this.#items[slot] = data;
    this.#meta[slot] = isText ? -byteLength - 1 : byteLength;
    this.#size++;
    this.pushed++;
    this.bytes += byteLength;
  }

  /** Makes up to `count` more messages visible; returns how many were published. */
  publish(count: number): number {
    const n = Math.min(count, this.pushed - this.#published);
    this.#published += n;
    return n;
  }

  /** Publishes every message whose sequence number is below `seq`; returns how many. */
  publishBefore(seq: number): number {
    return seq > this.#published ? this.publish(seq - this.#published) : 0;
  }

  /** Publishes the oldest unpublished message if its sequence number is below `seq`; whether it did. */
  publishOneBefore(seq: number): boolean {
    return seq > this.#published && this.publish(1) > 0;
  }

  /** Removes and returns the oldest visible message, or `undefined`. */
  shift(): Uint8Array | string | undefined {
    if (this.#published + this.#size === this.pushed) return undefined; // none visible
    const slot = this.#head;
    const data = this.#items[slot];
    const meta = this.#meta[slot] as number;
    this.#items[slot] = undefined;
    this.#head = (slot + 1) & this.#mask;
    this.#size--;
    this.lastWasText = meta < 0;
    this.bytes -= meta < 0 ? -meta - 1 : meta;
    return data;
  }

  /** Drops every message (sequence numbers go on). */
  clear(): void {
    if (this.#size > 0) this.#items.fill(undefined);
    this.#head = 0;
    this.#size = 0;
    this.#published = this.pushed;
    this.bytes = 0;
  }

  /** Doubles the ring, oldest message first. */
  #grow(): void {
    const next = this.#items.length * 2;
    const items = new Array<Uint8Array | string | undefined>(next);
    const meta = new Float64Array(next);
    for (let i = 0; i < this.#size; i++) {
      const slot = (this.#head + i) & this.#mask;
      items[i] = this.#items[slot];
      meta[i] = this.#meta[slot] as number;
    }
    this.#items = items;
    this.#meta = meta;
    this.#head = 0;
    this.#mask = next - 1;
  }
}

/** Payload size in bytes of a message as stored in a {@link PacketQueue}. */
export function messageSize(data: Uint8Array | string): number {
  return typeof data === 'string' ? utf8Length(data) : data.byteLength;
}

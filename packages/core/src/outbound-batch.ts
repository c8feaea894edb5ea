import type { Transport } from './transport.js';
import { flushAtTurnEnd, type TurnFlushable } from './turn.js';

/**
 * The messages a peer queued in the current turn, written at its end in one `sendMany` (one socket
 * write where the runtime allows): the outbound mirror of `PacketQueue`. Messages are held by
 * reference, never copied. A peer creates its batch on its first send, so idle peers carry none.
 */
export class OutboundBatch implements TurnFlushable {
  /** Where the batch is written; `null` once the connection is gone (then nothing is written). */
  declare transport: Transport | null;
  /** Messages queued. */
  count = 0;
  /** Payload bytes queued. */
  bytes = 0;
  #items: Array<Uint8Array | string | undefined> = [];
  #queued = false;

  constructor(transport: Transport | null) {
    this.transport = transport;
  }

  /** Queues one message of `size` payload bytes; the turn writes it at its end. */
  push(data: Uint8Array | string, size: number): void {
    this.#items[this.count++] = data;
    this.bytes += size;
    if (!this.#queued) {
      this.#queued = true;
      flushAtTurnEnd(this);
    }
  }

  /** Writes everything queued now (also what the turn calls at its end). */
  flushTurn(): void {
    this.#queued = false;
    const count = this.count;
    if (count === 0) return;
    if (this.transport !== null) this.transport.sendMany(this.#items as Array<Uint8Array | string>, count);
    this.clear();
  }

  /** Drops everything queued. */
  clear(): void {
    const items = this.#items;
    for (let i = 0; i < this.count; i++) items[i] = undefined;
    this.count = 0;
    this.bytes = 0;
  }
}

/**
 * What one node publishes per turn: every message for other nodes in one binary frame, so a turn
 * costs one Redis command however many packets it relays. Layout (little-endian):
 *
 * ```
 * header   u8 version (1) | 8 bytes node id | u32 sequence number
 * entries  u8 kind, then by kind:
 *   JOIN/LEAVE  i32 peer
 *   SEND        i32 peer, u32 length, bytes           (one packet for one peer of another node)
 *   BROADCAST   i32 exceptA, i32 exceptB, u32 length, bytes
 *   KICK        i32 peer, u16 code, u16 length, UTF-8 reason
 *   HELLO       (a node (re)joined: send me your snapshot)
 *   SNAPSHOT    u32 count, i32 peer * count            (every client of the node, now)
 *   BYE         (the node is leaving: its peers left)
 * ```
 */
export const BATCH_VERSION = 1;
/** Bytes before the first entry. */
export const BATCH_HEADER_SIZE = 13;

/** Entry kinds of a batch. */
export const Entry = {
  JOIN: 1,
  LEAVE: 2,
  SEND: 3,
  BROADCAST: 4,
  KICK: 5,
  HELLO: 6,
  SNAPSHOT: 7,
  BYE: 8,
} as const;

/** Collects the entries of one turn; `take()` returns the frame and starts the next one. */
export class BatchWriter {
  readonly #node: Uint8Array;
  #bytes = new Uint8Array(4096);
  #view = new DataView(this.#bytes.buffer);
  #length = BATCH_HEADER_SIZE;
  #sequence = 0;

  /** A writer for the node whose 8-byte id is `node`. */
  constructor(node: Uint8Array) {
    this.#node = node;
  }

  /** Whether no entry was written since the last `take()`. */
  get empty(): boolean {
    return this.#length === BATCH_HEADER_SIZE;
  }

  /** Bytes written so far, header included. */
  get size(): number {
    return this.#length;
  }

  /** A peer-only entry (JOIN, LEAVE). */
  peer(kind: number, id: number): void {
    this.#reserve(5);
    this.#bytes[this.#length] = kind;
    this.#view.setInt32(this.#length + 1, id, true);
    this.#length += 5;
  }

  /** A bare entry (HELLO, BYE). */
  mark(kind: number): void {
    this.#reserve(1);
    this.#bytes[this.#length++] = kind;
  }

  /** SEND: `message` for peer `id` (copied once, into the frame). */
  send(id: number, message: Uint8Array): void {
    this.#reserve(9 + message.byteLength);
    const at = this.#length;
    this.#bytes[at] = Entry.SEND;
    this.#view.setInt32(at + 1, id, true);
    this.#view.setUint32(at + 5, message.byteLength, true);
    this.#bytes.set(message, at + 9);
    this.#length = at + 9 + message.byteLength;
  }

  /** BROADCAST: `message` for every peer of the other nodes but `exceptA` and `exceptB`. */
  broadcast(message: Uint8Array, exceptA: number, exceptB: number): void {
    this.#reserve(13 + message.byteLength);
    const at = this.#length;
    this.#bytes[at] = Entry.BROADCAST;
    this.#view.setInt32(at + 1, exceptA, true);
    this.#view.setInt32(at + 5, exceptB, true);
    this.#view.setUint32(at + 9, message.byteLength, true);
    this.#bytes.set(message, at + 13);
    this.#length = at + 13 + message.byteLength;
  }

  /** KICK: close peer `id` with `code` and `reason` (UTF-8, at most 123 bytes as a close reason allows). */
  kick(id: number, code: number, reason: Uint8Array): void {
    this.#reserve(9 + reason.byteLength);
    const at = this.#length;
    this.#bytes[at] = Entry.KICK;
    this.#view.setInt32(at + 1, id, true);
    this.#view.setUint16(at + 5, code, true);
    this.#view.setUint16(at + 7, reason.byteLength, true);
    this.#bytes.set(reason, at + 9);
    this.#length = at + 9 + reason.byteLength;
  }

  /** SNAPSHOT: every peer of this node. */
  snapshot(ids: Iterable<number>, count: number): void {
    this.#reserve(5 + 4 * count);
    let at = this.#length;
    this.#bytes[at] = Entry.SNAPSHOT;
    this.#view.setUint32(at + 1, count, true);
    at += 5;
    for (const id of ids) {
      this.#view.setInt32(at, id, true);
      at += 4;
    }
    this.#length = at;
  }

  /** The frame of this turn (a copy the client may keep while it writes), and a fresh start. */
  take(): Uint8Array {
    this.#bytes[0] = BATCH_VERSION;
    this.#bytes.set(this.#node, 1);
    this.#view.setUint32(9, ++this.#sequence >>> 0, true);
    const frame = this.#bytes.slice(0, this.#length);
    this.#length = BATCH_HEADER_SIZE;
    return frame;
  }

  #reserve(bytes: number): void {
    const needed = this.#length + bytes;
    if (needed <= this.#bytes.byteLength) return;
    const grown = new Uint8Array(Math.max(needed, this.#bytes.byteLength * 2));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
    this.#view = new DataView(grown.buffer);
  }
}

/** What reading a batch reports, entry by entry (views into the frame: copy what you keep). */
export interface BatchVisitor {
  /** JOIN or LEAVE of `id`. */
  peer(kind: number, id: number): void;
  /** HELLO or BYE. */
  mark(kind: number): void;
  /** A packet for peer `id`. */
  send(id: number, message: Uint8Array): void;
  /** A packet for every peer but `exceptA` and `exceptB`. */
  broadcast(message: Uint8Array, exceptA: number, exceptB: number): void;
  /** Close peer `id`. */
  kick(id: number, code: number, reason: Uint8Array): void;
  /** The full list of the sender's peers. */
  snapshot(ids: number[]): void;
}

/** The header of a batch: who sent it, and its sequence number; `null` when it is not a batch. */
export function readBatchHeader(frame: Uint8Array): { node: string; sequence: number } | null {
  if (frame.byteLength < BATCH_HEADER_SIZE || frame[0] !== BATCH_VERSION) return null;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  return { node: nodeKey(frame.subarray(1, 9)), sequence: view.getUint32(9, true) };
}

/** Reads every entry of `frame` into `visitor`; `false` when the frame is malformed (entries before it were read). */
export function readBatch(frame: Uint8Array, visitor: BatchVisitor): boolean {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const end = frame.byteLength;
  let at = BATCH_HEADER_SIZE;
  while (at < end) {
    const kind = frame[at] as number;
    switch (kind) {
      case Entry.JOIN:
      case Entry.LEAVE:
        if (at + 5 > end) return false;
        visitor.peer(kind, view.getInt32(at + 1, true));
        at += 5;
        break;
      case Entry.HELLO:
      case Entry.BYE:
        visitor.mark(kind);
        at += 1;
        break;
      case Entry.SEND: {
        if (at + 9 > end) return false;
        const length = view.getUint32(at + 5, true);
        if (at + 9 + length > end) return false;
        visitor.send(view.getInt32(at + 1, true), frame.subarray(at + 9, at + 9 + length));
        at += 9 + length;
        break;
      }
      case Entry.BROADCAST: {
        if (at + 13 > end) return false;
        const length = view.getUint32(at + 9, true);
        if (at + 13 + length > end) return false;
        visitor.broadcast(
          frame.subarray(at + 13, at + 13 + length),
          view.getInt32(at + 1, true),
          view.getInt32(at + 5, true),
        );
        at += 13 + length;
        break;
      }
      case Entry.KICK: {
        if (at + 9 > end) return false;
        const length = view.getUint16(at + 7, true);
        if (at + 9 + length > end) return false;
        visitor.kick(
          view.getInt32(at + 1, true),
          view.getUint16(at + 5, true),
          frame.subarray(at + 9, at + 9 + length),
        );
        at += 9 + length;
        break;
      }
      case Entry.SNAPSHOT: {
        if (at + 5 > end) return false;
        const count = view.getUint32(at + 1, true);
        if (at + 5 + 4 * count > end) return false;
        const ids = new Array<number>(count);
        for (let i = 0; i < count; i++) ids[i] = view.getInt32(at + 5 + 4 * i, true);
        visitor.snapshot(ids);
        at += 5 + 4 * count;
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/** A node id as text (hex), for maps and Redis keys. */
export function nodeKey(node: Uint8Array): string {
  let key = '';
  for (let i = 0; i < node.byteLength; i++) key += (node[i] as number).toString(16).padStart(2, '0');
  return key;
}

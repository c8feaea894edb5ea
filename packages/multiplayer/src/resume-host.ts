import { CloseCode, ErrorCode, OBSERVE, type WebSocketPeer } from '@wspeer/core';
import { ACK_EVERY, CONTROL_ACK, RESUME_PARAM, readCount } from './resume-wire.js';

/** What a {@link ResumeHost} asks of its server. */
export interface ResumeServer {
  /** Client `id` cannot be kept whole any more (its buffer is full): it leaves now. */
  overflow(id: number): void;
  /** Client `id`'s grace expired: it leaves now (one `peer_disconnected`). */
  expired(id: number): void;
  /** Counts a refusal of `kind` (a forged or stale resume token...). */
  countRefusal(kind: string): void;
}

/**
 * A new unguessable token: 128 bits from the platform's cryptographic random source, as 32 hex
 * digits (joined, so the string is flat: 32 concatenations would keep a rope of 32 pieces per client).
 */
function newToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Compares two tokens in time that depends on their length only (no early exit on the first difference). */
function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Whether a client whose socket ended with `code` is held for its grace: anything but a normal
 * close (1000) may be a drop. A browser cannot drop a socket without a close frame, so its
 * `close(-1)` (also how a client gives up on a silent link) arrives as 1005, and a page that goes
 * away says 1001; both are held.
 */
function isDrop(code: number): boolean {
  return code !== CloseCode.NORMAL;
}

/**
 * One resumable client on the server: its token, the messages sent to it that it has not
 * acknowledged (by reference: a broadcast is kept once for everyone), and the count of messages
 * received from it.
 */
export class ResumeSlot {
  /** The client's socket; `null` while it is held (disconnected, within its grace). */
  peer: WebSocketPeer | null;
  /** The token that resumes this session (single use: replaced on each resume). */
  token = newToken();
  /**
   * The token the last resume used, still valid until the client confirms the resume (its first
   * message on the new connection), so that a client whose `r<count>.<token>` was lost can come
   * back with the token it has; `""` once confirmed.
   */
  previous = '';
  /** Binary messages received from the client (and handed to the wire). */
  received = 0;
  /** `received` as last acknowledged to the client. */
  acked = 0;
  /** Binary messages sent to the client; the last `kept` of them are not acknowledged. */
  sent = 0;
  /** Bytes kept. */
  bytes = 0;
  /** A resume was granted to a connection still opening: how many messages it says it received. */
  claim = -1;
  /** The grace timer while held. */
  timer: unknown;
  #items: Uint8Array[] = [];
  #head = 0;

  constructor(peer: WebSocketPeer) {
    this.peer = peer;
  }

  /** Messages kept (sent, not acknowledged). */
  get kept(): number {
    return this.#items.length - this.#head;
  }

  /** Keeps `message` and sends it when connected; false when the client's buffer would overflow. */
  deliver(message: Uint8Array, maxBytes: number, maxPackets: number): boolean {
    if (this.bytes + message.byteLength > maxBytes || this.kept >= maxPackets) return false;
    this.#items.push(message);
    this.bytes += message.byteLength;
    this.sent++;
    return this.peer === null || this.peer.send(message) !== ErrorCode.ERR_OUT_OF_MEMORY;
  }

  /** The client received `count` messages: forget those (an out-of-range count is ignored). */
  acknowledge(count: number): void {
    let drop = count - (this.sent - this.kept);
    if (drop <= 0 || count > this.sent) return;
    const items = this.#items;
    while (drop-- > 0) {
      this.bytes -= (items[this.#head] as Uint8Array).byteLength;
      items[this.#head++] = undefined as unknown as Uint8Array;
    }
    if (this.#head === items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > items.length) {
      this.#items = items.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Sends everything kept (after `acknowledge` of what the client said it has); false on overflow. */
  replay(peer: WebSocketPeer): boolean {
    const items = this.#items;
    for (let i = this.#head; i < items.length; i++) {
      if (peer.send(items[i] as Uint8Array) === ErrorCode.ERR_OUT_OF_MEMORY) return false;
    }
    return true;
  }

  /** Drops everything kept. */
  clear(): void {
    clearTimeout(this.timer);
    this.#items = [];
    this.#head = 0;
    this.bytes = 0;
  }
}

/**
 * The server side of the resume extension (see `resume-wire.ts`): gives each wspeer client that
 * offers it a token, holds the id of one that drops for `grace` seconds (no `peer_disconnected`),
 * keeps what was sent to it that it has not acknowledged (within `maxBytes` and `maxPackets`), and
 * gives the id back to a connection with the right token, replaying in order. Server only.
 */
export class ResumeHost {
  /** Seconds a dropped client is held. */
  grace: number;
  /** Most bytes kept for one client (sent and not acknowledged, or addressed to it while held). */
  maxBytes: number;
  /** Most messages kept for one client. */
  maxPackets: number;
  /** The resumable clients, connected or held, by id. */
  readonly slots = new Map<number, ResumeSlot>();
  readonly #server: ResumeServer;

  constructor(server: ResumeServer, grace: number, maxBytes: number, maxPackets: number) {
    this.#server = server;
    this.grace = grace;
    this.maxBytes = maxBytes;
    this.maxPackets = maxPackets;
  }

  /**
   * The held id a connection to `url` resumes, or 0: it must name a slot, with its current token
   * and a count of received messages the slot can replay from. A wrong token is counted as
   * `resume-refused`; the token is used up by the claim (another connection with it gets nothing).
   */
  claim(url: string): number {
    const at = url.indexOf(`${RESUME_PARAM}=`);
    if (at < 0 || this.grace <= 0) return 0;
    const end = url.indexOf('&', at);
    const [id = '', token = '', count = ''] = url
      .slice(at + RESUME_PARAM.length + 1, end < 0 ? undefined : end)
      .split('.');
    if (token === '') return 0;
    const slot = this.slots.get(Number(id));
    const received = readCount(new TextEncoder().encode(count), 0, count.length);
    const known = slot !== undefined && (sameToken(token, slot.token) || sameToken(token, slot.previous));
    if (!known || received > slot.sent || received < slot.sent - slot.kept) {
      this.#server.countRefusal('resume-refused');
      return 0;
    }
    slot.previous = token;
    slot.token = newToken();
    slot.claim = received;
    return Number(id);
  }

  /** Whether a new client at `url` offered resume. */
  offered(url: string): boolean {
    return this.grace > 0 && url.includes(`${RESUME_PARAM}=`);
  }

  /** A new session for client `id` on `peer`: tells it its token (before anything else). */
  open(id: number, peer: WebSocketPeer): void {
    const slot = new ResumeSlot(peer);
    this.slots.set(id, slot);
    peer.sendText(`t${slot.token}`);
  }

  /**
   * `peer` opened with id `id`: if it claimed the session, it takes the slot over (replacing a
   * socket the server still had), gets `r<received>.<token>` and the replay. Returns whether it did.
   */
  resume(id: number, peer: WebSocketPeer): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined || slot.claim < 0) return false;
    const old = slot.peer;
    if (old !== null && old !== peer) {
      // The old socket is dead to its client (it came back on a new one): drop it unheard.
      old[OBSERVE](null);
      old.close(CloseCode.UNCLEAN);
    }
    clearTimeout(slot.timer);
    slot.peer = peer;
    slot.acknowledge(slot.claim);
    slot.claim = -1;
    slot.acked = slot.received;
    peer.sendText(`r${slot.received}.${slot.token}`);
    if (!slot.replay(peer)) this.#server.overflow(id);
    return true;
  }

  /** Client `id`'s socket ended with `code` (not a cut): returns whether it is held for its grace. */
  hold(id: number, code: number): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    if (!isDrop(code) || this.grace <= 0) {
      this.forget(id);
      return false;
    }
    slot.peer = null;
    slot.timer = setTimeout(() => this.#server.expired(id), this.grace * 1000);
    return true;
  }

  /** Whether client `id` is held (dropped, within its grace). */
  isHeld(id: number): boolean {
    return this.slots.get(id)?.peer === null;
  }

  /** Forgets client `id` (it left for good). */
  forget(id: number): void {
    this.slots.get(id)?.clear();
    this.slots.delete(id);
  }

  /** A text message from client `id`: a control message of the extension. Returns false when it is not one. */
  control(slot: ResumeSlot, message: Uint8Array): boolean {
    if (message[0] !== CONTROL_ACK) return false;
    slot.previous = '';
    slot.acknowledge(readCount(message, 1, message.byteLength));
    slot.acked = slot.received;
    slot.peer?.sendText(`a${slot.received}`);
    return true;
  }

  /** One binary message from client `slot` was taken: acknowledge every `ACK_EVERY`. */
  counted(slot: ResumeSlot): void {
    slot.previous = '';
    if (++slot.received - slot.acked < ACK_EVERY) return;
    slot.acked = slot.received;
    slot.peer?.sendText(`a${slot.received}`);
  }

  /** Drops every slot (the server stops). */
  clear(): void {
    for (const slot of this.slots.values()) slot.clear();
    this.slots.clear();
  }
}

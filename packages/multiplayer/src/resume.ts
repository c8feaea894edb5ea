import {
  CloseCode,
  CloseReason,
  ErrorCode,
  RECONNECT,
  Reconnect,
  type ReconnectOptions,
  type ReconnectRetry,
  State,
  type WebSocketPeer,
} from '@wspeer/core';
import { CONNECTION } from './multiplayer-connection.js';
import { ResumableConnection } from './resumable-connection.js';
import { type ClientResumeSession, KEPT, REFUSED, RESUME_SESSION, type ResumeOwner } from './resume-session.js';
import {
  ACK_EVERY,
  CONTROL_ACK,
  CONTROL_RESUMED,
  CONTROL_TOKEN,
  readAscii,
  readCount,
  withParam,
} from './resume-wire.js';

/** Settings of a {@link Resume}: those of `Reconnect`, and the beat. */
export interface ResumeOptions extends ReconnectOptions {
  /**
   * Seconds between two beats (acknowledgements the server answers) while connected (default 1).
   * A link that brings nothing for three beats is dropped and resumed: this is how a browser, which
   * cannot ping, detects a dead link.
   */
  beatInterval?: number;
}

/**
 * A `Reconnect` that also resumes: given to a `WebSocketMultiplayerPeer` (or multiplayer
 * `WebSocketClient`) client, it offers the wspeer resume extension, and when the connection drops
 * it reconnects with the same peer id and misses nothing, if the server (a wspeer server with
 * `resumeGrace` > 0) still holds the session: every packet either way arrives exactly once and in
 * order, and nobody sees the client leave. While it reconnects `putPacket` queues, within the
 * outbound limits (`ERR_OUT_OF_MEMORY` when full). If the server refuses (its grace expired, it
 * restarted, or it does not resume), the old session ends (`peer_disconnected` for each peer,
 * `server_disconnected`; what was queued is discarded) and the new one starts with a new id
 * (`connection_succeeded`). Against a server that does not offer resume (a Godot server), it is a
 * plain `Reconnect`.
 */
export class Resume extends Reconnect {
  /** Seconds between beats (see the option). */
  beatInterval: number;
  #session: ClientResume | null = null;

  constructor(options: ResumeOptions = {}) {
    super(options);
    this.beatInterval = options.beatInterval ?? 1;
  }

  /** The class of the connections of a multiplayer client with this policy (one on each `connectToUrl`; one client per `Resume`). */
  get [CONNECTION](): typeof ResumableConnection {
    return ResumableConnection;
  }

  /** The client side of one session (called by its `ResumableConnection`). */
  [RESUME_SESSION](owner: ResumeOwner, url: string): ClientResumeSession {
    this.#session = new ClientResume(this, owner, url, () => this.opened());
    return this.#session;
  }

  /** A live session resumes (its own retry, with the token); otherwise a plain reconnect. */
  protected override lost(retry: ReconnectRetry, code: number, wasOpen: boolean): boolean {
    const session = this.#session;
    return super.lost(session?.live ? session.retry : retry, code, wasOpen);
  }

  /** A resume counts as done when the server confirmed it (`r`), not when the socket opened. */
  protected override opened(): void {
    if (!this.#session?.awaiting) super.opened();
  }
}

/** The client side of one resumable session: counts, keeps what the server has not acknowledged, beats. */
class ClientResume implements ClientResumeSession {
  readonly #policy: Resume;
  readonly #owner: ResumeOwner;
  readonly #url: string;
  #token = '';
  /** Binary messages received from the server in this session. */
  #received = 0;
  #acked = 0;
  /** Binary messages sent in this session; the last `#kept.length` of them are not acknowledged yet. */
  #sent = 0;
  #kept: Uint8Array[] = [];
  #head = 0;
  #keptBytes = 0;
  /** A resume attempt is under way: waiting for the server's `r`. */
  awaiting = false;
  #heardAt = 0;
  #beat: unknown;
  readonly retry: ReconnectRetry;

  /** Tells the policy the connection is back (a resume confirmed, or refused with a new session). */
  readonly #back: () => void;

  constructor(policy: Resume, owner: ResumeOwner, url: string, back: () => void) {
    this.#policy = policy;
    this.#back = back;
    this.#owner = owner;
    this.#url = url;
    this.retry = () => {
      this.awaiting = true;
      this.#heardAt = performance.now();
      const ask = `${this.#owner.getUniqueId()}.${this.#token}.${this.#received}`;
      return this.#peer.connectToUrl(withParam(this.#url, ask));
    };
  }

  get live(): boolean {
    return this.#token !== '';
  }

  get held(): boolean {
    return this.#token !== '' && this.#policy.isReconnecting;
  }

  get #peer(): WebSocketPeer {
    return this.#owner.getPeer(1) as WebSocketPeer;
  }

  inbound(message: Uint8Array, isText: boolean): number {
    this.#heardAt = performance.now();
    const refused = this.awaiting && !(isText && message[0] === CONTROL_RESUMED) ? this.#refused() : 0;
    if (isText) {
      const kind = message[0];
      if (kind === CONTROL_ACK) this.#trim(readCount(message, 1, message.byteLength));
      else if (kind === CONTROL_TOKEN) this.#offered(readAscii(message, 1, message.byteLength));
      else if (kind === CONTROL_RESUMED) this.#resumed(message);
      else return refused;
      return refused | KEPT;
    }
    if (this.#token !== '' && ++this.#received - this.#acked >= ACK_EVERY) this.#ack();
    return refused;
  }

  send(framed: Uint8Array, packet: Uint8Array): ErrorCode {
    const peer = this.#peer;
    if (this.#token === '') return peer.send(framed);
    // Kept for longer than a turn: never the caller's buffer (a godot4 frame is the packet itself).
    const message = framed === packet ? packet.slice() : framed;
    const count = this.#kept.length - this.#head;
    if (this.#keptBytes + message.byteLength > peer.outboundBufferSize || count >= peer.maxQueuedPackets) {
      return ErrorCode.ERR_OUT_OF_MEMORY;
    }
    if (!this.awaiting && peer.readyState === State.OPEN) {
      const err = peer.send(message);
      if (err === ErrorCode.ERR_OUT_OF_MEMORY) return err;
    }
    // Kept until acknowledged; while the link is down it waits here and goes out on resume.
    this.#kept.push(message);
    this.#keptBytes += message.byteLength;
    this.#sent++;
    return ErrorCode.OK;
  }

  end(): void {
    clearInterval(this.#beat);
    this.#beat = undefined;
    this.#token = '';
    this.awaiting = false;
    this.#reset();
  }

  /** The server offered resume: start counting and beating. */
  #offered(token: string): void {
    this.#token = token;
    if (this.#beat === undefined) {
      this.#beat = setInterval(() => this.#tick(), this.#policy.beatInterval * 1000);
      (this.#beat as { unref?: () => void }).unref?.();
    }
  }

  /** `r<count>.<token>`: the server took us back; send again what it did not receive. */
  #resumed(message: Uint8Array): void {
    const dot = message.indexOf(0x2e);
    const count = readCount(message, 1, dot);
    if (!this.awaiting || dot < 0 || count < 0) return;
    this.awaiting = false;
    this.#token = readAscii(message, dot + 1, message.byteLength);
    this.#trim(count);
    const peer = this.#peer;
    for (let i = this.#head; i < this.#kept.length; i++) peer.send(this.#kept[i] as Uint8Array);
    this.#ack(); // confirms the resume: from now on only the new token is valid
    this.#back();
  }

  /** The server answered our resume with a new session: the old one is over (the client reports it). */
  #refused(): number {
    this.awaiting = false;
    this.end();
    this.#back();
    return REFUSED;
  }

  #reset(): void {
    this.#received = 0;
    this.#acked = 0;
    this.#sent = 0;
    this.#kept = [];
    this.#head = 0;
    this.#keptBytes = 0;
  }

  /** The server received `count` of our messages: forget those. */
  #trim(count: number): void {
    const first = this.#sent - (this.#kept.length - this.#head);
    let drop = count - first;
    if (drop <= 0 || count > this.#sent) return;
    while (drop-- > 0) {
      this.#keptBytes -= (this.#kept[this.#head] as Uint8Array).byteLength;
      this.#kept[this.#head++] = undefined as unknown as Uint8Array;
    }
    if (this.#head === this.#kept.length) {
      this.#kept = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#kept.length) {
      this.#kept = this.#kept.slice(this.#head);
      this.#head = 0;
    }
  }

  #ack(): void {
    this.#acked = this.#received;
    this.#peer.sendText(`a${this.#received}`);
  }

  /** Every beat: acknowledge (the server answers), and drop a link that brought nothing for three beats. */
  #tick(): void {
    const peer = this.#peer;
    if (peer.readyState !== State.OPEN) return;
    if (performance.now() - this.#heardAt > this.#policy.beatInterval * 3000) {
      // A dead link: drop it (the peer does not reconnect after a `close`, so tell the policy).
      peer.close(CloseCode.UNCLEAN, CloseReason.HEARTBEAT_TIMEOUT);
      this.#policy[RECONNECT](peer, true);
      return;
    }
    if (!this.awaiting) this.#ack();
  }
}

import {
  CloseCode,
  CloseReason,
  ConnectionStatus,
  ErrorCode,
  RECONNECT,
  type ReconnectRetry,
  State,
  type WebSocketPeer,
} from '@wspeer/core';
import type { Wire } from './constants.js';
import { MultiplayerConnection } from './multiplayer-connection.js';
import type { MultiplayerSession } from './multiplayer-session.js';
import { RESUME_SESSION, type ResumePolicy } from './resume-session.js';
import {
  ACK_EVERY,
  CONTROL_ACK,
  CONTROL_RESUMED,
  CONTROL_TOKEN,
  readAscii,
  readCount,
  withParam,
} from './resume-wire.js';
import type { ClientWire } from './wire.js';
import { clientWire } from './wire-formats.js';

/**
 * The client side of one multiplayer connection with a `Resume` (the policy's `CONNECTION`), and
 * of its resumable session (see `resume-wire.ts`): it offers the extension, counts, keeps what the
 * server has not acknowledged and beats. Sends are kept until acknowledged (queued while resuming),
 * control messages never reach the wire, and while a resume holds the session the connection counts
 * as connected and a drop reports nothing. Its own module, so clients without `Resume` carry none of it.
 */
export class ResumableConnection extends MultiplayerConnection {
  readonly #peer: WebSocketPeer;
  readonly #session: MultiplayerSession;
  readonly #wire: ClientWire;
  readonly #policy: ResumePolicy;
  readonly #url: string;
  #token = '';
  /** Binary messages received from the server in this session. */
  #received = 0;
  #acked = 0;
  /** Binary messages sent in this session; the last `#kept.length - #head` of them are not acknowledged yet. */
  #sent = 0;
  #kept: Uint8Array[] = [];
  #head = 0;
  #keptBytes = 0;
  /** A resume attempt is under way: waiting for the server's `r`. */
  awaiting = false;
  #heardAt = 0;
  #beat: unknown;
  /** Starts one resume attempt. */
  readonly retry: ReconnectRetry = () => {
    this.awaiting = true;
    this.#heardAt = performance.now();
    const ask = `${this.getUniqueId()}.${this.#token}.${this.#received}`;
    return this.#peer.connectToUrl(withParam(this.#url, ask));
  };
  /** Tells the policy the connection is back (a resume confirmed, or refused with a new session). */
  readonly #back: () => void;

  /** As `MultiplayerConnection`'s, offering resume, as the session of `peer`'s `Resume`. */
  constructor(peer: WebSocketPeer, session: MultiplayerSession, wire: Wire, url: string) {
    super(peer, session, wire, withParam(url, '1'));
    this.#peer = peer;
    this.#session = session;
    this.#wire = clientWire(wire);
    this.#url = url;
    this.#policy = peer.reconnect as unknown as ResumePolicy;
    this.#back = this.#policy[RESUME_SESSION](this);
  }

  /** Whether the server offered resume for this session (it sent a token). */
  get live(): boolean {
    return this.#token !== '';
  }

  /** Whether the session is held while a resume is under way (the client reports nothing). */
  get held(): boolean {
    return this.#token !== '' && this.#policy.isReconnecting;
  }

  /**
   * Sends (or, while resuming, queues) `buffer`, keeping it until the server acknowledges it (a
   * copy when the frame is the caller's packet itself).
   */
  override putPacket(buffer: Uint8Array): ErrorCode {
    if (!this.admitted) return ErrorCode.ERR_UNCONFIGURED;
    const framed = this.#wire.frame(this.getUniqueId(), this.#session.target, buffer);
    const peer = this.#peer;
    if (this.#token === '') return peer.send(framed);
    // Kept for longer than a turn: never the caller's buffer (a godot4 frame is the packet itself).
    const message = framed === buffer ? buffer.slice() : framed;
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

  /** Connected while a resume holds the session (sends are queued). */
  override getConnectionStatus(): ConnectionStatus {
    return this.held ? ConnectionStatus.CONNECTION_CONNECTED : super.getConnectionStatus();
  }

  /** Drops the connection and ends the session. */
  override close(): void {
    super.close();
    this.endResume();
  }

  /** A resume control message stays here; a refused resume ends the old session first. */
  override onPeerPacket(): void {
    const message = this.#peer.getPacket();
    // A resume control message (1), or the server refused a resume (2: the old session ended).
    const kept = this.#inbound(message, this.#peer.wasStringPacket());
    if (kept & 2) super.onPeerClosed(); // its peers and the server leave
    if (!(kept & 1)) this.#wire.receive(this, message);
  }

  /** The session ends unless a resume holds it (then nothing is reported unless it gives up). */
  override onPeerClosed(): void {
    if (this.held) return;
    this.endResume();
    super.onPeerClosed();
  }

  /** The session is over (or a new connection replaces this one): stop the beat, drop what is kept. */
  override endResume(): void {
    clearInterval(this.#beat);
    this.#beat = undefined;
    this.#token = '';
    this.awaiting = false;
    this.#received = 0;
    this.#acked = 0;
    this.#sent = 0;
    this.#kept = [];
    this.#head = 0;
    this.#keptBytes = 0;
  }

  /** One message from the server: bit 1 set for a control message, bit 2 when a resume was refused (0: an ordinary message). */
  #inbound(message: Uint8Array, isText: boolean): number {
    this.#heardAt = performance.now();
    const refused = this.awaiting && !(isText && message[0] === CONTROL_RESUMED) ? this.#refused() : 0;
    if (isText) {
      const kind = message[0];
      if (kind === CONTROL_ACK) this.#trim(readCount(message, 1, message.byteLength));
      else if (kind === CONTROL_TOKEN) this.#offered(readAscii(message, 1, message.byteLength));
      else if (kind === CONTROL_RESUMED) this.#resumed(message);
      else return refused;
      return refused | 1;
    }
    if (this.#token !== '' && ++this.#received - this.#acked >= ACK_EVERY) this.#ack();
    return refused;
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

  /** The server answered our resume with a new session: the old one is over (`onPeerPacket` reports it). */
  #refused(): number {
    this.endResume();
    this.#back();
    return 2;
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

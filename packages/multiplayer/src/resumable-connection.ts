import { ConnectionStatus, ErrorCode, type WebSocketPeer } from '@wspeer/core';
import type { Wire } from './constants.js';
import { MultiplayerConnection } from './multiplayer-connection.js';
import type { MultiplayerSession } from './multiplayer-session.js';
import { type ClientResumeSession, KEPT, REFUSED, RESUME_SESSION, type ResumeFactory } from './resume-session.js';
import { withParam } from './resume-wire.js';
import type { ClientWire } from './wire.js';
import { clientWire } from './wire-formats.js';

/**
 * The client side of one multiplayer connection with a `Resume` (the policy's `CONNECTION`): it
 * offers the resume extension and runs the session the policy makes for it. Sends go through the
 * session (kept until acknowledged, queued while resuming), its control messages never reach the
 * wire, and while a resume holds the session the connection counts as connected and a drop reports
 * nothing. Its own module, so clients without `Resume` carry none of it.
 */
export class ResumableConnection extends MultiplayerConnection {
  readonly #peer: WebSocketPeer;
  readonly #session: MultiplayerSession;
  readonly #wire: ClientWire;
  readonly #resume: ClientResumeSession;

  /** As {@link MultiplayerConnection}'s, with the resume session of `peer`'s `Resume`. */
  constructor(peer: WebSocketPeer, session: MultiplayerSession, wire: Wire, url: string) {
    super(peer, session, wire, withParam(url, '1'));
    this.#peer = peer;
    this.#session = session;
    this.#wire = clientWire(wire);
    this.#resume = (peer.reconnect as unknown as ResumeFactory)[RESUME_SESSION](this, url);
  }

  /** Sends through the session: kept until acknowledged, queued while resuming. */
  override putPacket(buffer: Uint8Array): ErrorCode {
    if (!this.admitted) return ErrorCode.ERR_UNCONFIGURED;
    return this.#resume.send(this.#wire.frame(this.getUniqueId(), this.#session.target, buffer), buffer);
  }

  /** Connected while a resume holds the session (sends are queued). */
  override getConnectionStatus(): ConnectionStatus {
    return this.#resume.held ? ConnectionStatus.CONNECTION_CONNECTED : super.getConnectionStatus();
  }

  /** Drops the connection and ends the session. */
  override close(): void {
    super.close();
    this.#resume.end();
  }

  /** A resume control message stays here; a refused resume ends the old session first. */
  override onPeerPacket(): void {
    const message = this.#peer.getPacket();
    const kept = this.#resume.inbound(message, this.#peer.wasStringPacket());
    if (kept & REFUSED) super.onPeerClosed(); // the old session is over: its peers and the server leave
    if (!(kept & KEPT)) this.#wire.receive(this, message);
  }

  /** The session ends unless a resume holds it (then nothing is reported unless it gives up). */
  override onPeerClosed(): void {
    if (this.#resume.held) return;
    this.#resume.end();
    super.onPeerClosed();
  }

  /** Stops the resume session (a new connection replaces this one). */
  override endResume(): void {
    this.#resume.end();
  }
}

import { Reconnect, type ReconnectOptions, type ReconnectRetry } from '@wspeer/core';
import { CONNECTION } from './multiplayer-connection.js';
import { ResumableConnection } from './resumable-connection.js';
import { RESUME_SESSION, type ResumeSession } from './resume-session.js';

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
  /** The connection of its client (the session). */
  #session: ResumeSession | null = null;

  constructor(options: ResumeOptions = {}) {
    super(options);
    this.beatInterval = options.beatInterval ?? 1;
  }

  /** The class of the connections of a multiplayer client with this policy (one on each `connectToUrl`; one client per `Resume`). */
  get [CONNECTION](): typeof ResumableConnection {
    return ResumableConnection;
  }

  /** `connection` (made on a `connectToUrl`) is the session now; it calls what this returns when it is back. */
  [RESUME_SESSION](connection: ResumeSession): () => void {
    this.#session = connection;
    return () => this.opened();
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

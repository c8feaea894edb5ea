import type { ErrorCode, ReconnectRetry, WebSocketPeer } from '@wspeer/core';

/**
 * `Resume[RESUME_SESSION](client, url)`: a reconnect policy that can also resume makes the client
 * side of one session (for its `ResumableConnection`, which is all that asks; the policy keeps it).
 */
export const RESUME_SESSION: unique symbol = Symbol();

/** What a resume session needs of its multiplayer client (public members only). */
export interface ResumeOwner {
  /** The client's socket (`getPeer(1)`). */
  getPeer(id: number): WebSocketPeer | null;
  /** The client's peer id. */
  getUniqueId(): number;
}

/** {@link ClientResumeSession.inbound}: the message was a control message of the extension. */
export const KEPT = 1;
/** {@link ClientResumeSession.inbound}: the server refused a resume (a new session began): the old one ended. */
export const REFUSED = 2;

/** The client side of one resumable session (see `resume-wire.ts`), driven by a multiplayer client. */
export interface ClientResumeSession {
  /** Whether the server offered resume for this session (it sent a token). */
  readonly live: boolean;
  /** Whether the session is held while a resume is under way (the client reports nothing). */
  readonly held: boolean;
  /** One message from the server: `KEPT` and/or `REFUSED` bits (0: an ordinary message). */
  inbound(message: Uint8Array, isText: boolean): number;
  /**
   * Sends (or, while resuming, queues) a framed `message` of the caller's `packet`, keeping it until
   * the server acknowledges it (a copy when the frame is the caller's packet itself).
   */
  send(message: Uint8Array, packet: Uint8Array): ErrorCode;
  /** Starts one resume attempt. */
  readonly retry: ReconnectRetry;
  /** The session is over: stop the beat, drop what is kept. */
  end(): void;
}

/** A reconnect policy that can resume (`Resume`). */
export interface ResumeFactory {
  /** The client side of one session of `client`, connecting to `url`. */
  [RESUME_SESSION](client: ResumeOwner, url: string): ClientResumeSession;
}

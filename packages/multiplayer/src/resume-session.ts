import type { RECONNECT, ReconnectRetry, WebSocketPeer } from '@wspeer/core';

/**
 * `Resume[RESUME_SESSION](connection)`: a `ResumableConnection` tells its policy that it is the
 * session now (one client per `Resume`) and gets what to call when the connection is back.
 */
export const RESUME_SESSION: unique symbol = Symbol();

/** What a `Resume` reads of its session's connection (a `ResumableConnection`). */
export interface ResumeSession {
  /** Whether the server offered resume for this session (it sent a token). */
  readonly live: boolean;
  /** Whether a resume was asked for and the server has not answered yet. */
  readonly awaiting: boolean;
  /** Starts one resume attempt (with the token). */
  readonly retry: ReconnectRetry;
}

/** What a `ResumableConnection` needs of its `Resume`. */
export interface ResumePolicy {
  /** Seconds between beats. */
  readonly beatInterval: number;
  /** Whether an attempt is waiting for its delay or under way. */
  readonly isReconnecting: boolean;
  /** The link of `peer` dropped (a dead link the connection closed itself). */
  [RECONNECT](peer: WebSocketPeer, wasOpen: boolean): void;
  /** `connection` is the policy's session now; returns what it calls when the connection is back (resumed, or refused with a new session). */
  [RESUME_SESSION](connection: ResumeSession): () => void;
}

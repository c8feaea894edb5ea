import type { ErrorCode, ReconnectRetry, WebSocketPeer } from '@wspeer/core';

/**
 * `Resume[RESUME_SESSION](owner)`: a reconnect policy that can also resume makes the client side
 * of one session. A symbol so multiplayer clients can ask for it without importing the resume code
 * (bundles that do not use `Resume` carry none of it).
 */
export const RESUME_SESSION: unique symbol = Symbol('wspeer.resumeSession');

/** What a resume session asks of its multiplayer client. */
export interface ResumeOwner {
  /** The client's socket. */
  readonly peer: WebSocketPeer;
  /** The client's peer id. */
  getUniqueId(): number;
  /** The server refused the resume (it gave us a new session): the old one ended. */
  resumeRefused(): void;
}

/** The client side of one resumable session (see `resume-wire.ts`), driven by a multiplayer client. */
export interface ClientResumeSession {
  /** Whether the server offered resume for this session (it sent a token). */
  readonly live: boolean;
  /** `url` with the resume offer. */
  offerUrl(url: string): string;
  /** One message from the server: returns true when it was ours (a control message). */
  inbound(message: Uint8Array, isText: boolean): boolean;
  /** Sends (or, while resuming, queues) a framed message, keeping it until the server acknowledges it. */
  send(message: Uint8Array): ErrorCode;
  /** Starts one resume attempt. */
  readonly retry: ReconnectRetry;
  /** The session is over: stop the beat, drop what is kept. */
  end(): void;
}

/** A reconnect policy that can resume (`Resume`). */
export interface ResumeFactory {
  /** The client side of one session of `owner`, connecting to `url`. */
  [RESUME_SESSION](owner: ResumeOwner, url: string): ClientResumeSession;
}

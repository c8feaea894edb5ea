/**
 * One connection of an echo load, whichever client drives it: the bench's batching raw client,
 * a `ws` client, or a wspeer client. The load keeps a number of messages in flight on it; every
 * echo sends the next message.
 */
export interface LoadConnection {
  /** Set once the connection closed (by either side). */
  readonly closed: boolean;
  /** Calls `onEcho` for every echoed message and `onUnexpected` for any other message. */
  listen(onEcho: () => void, onUnexpected: () => void): void;
  /** Sends one message (queued until {@link LoadConnection.flush} by clients that batch). */
  send(): void;
  /** Writes what `send` queued now (the batching client; a no-op for the others). */
  flush(): void;
  /** Closes politely and resolves once closed (bounded in time). */
  close(): Promise<void>;
}

/** Opens `count` load connections to `127.0.0.1:port`; rejects (and drops what it opened) on failure. */
export type ConnectionOpener = (port: number, count: number) => Promise<LoadConnection[]>;

/** A replication benchmark server running in a child process (`replication-server-main.js`). */
export interface ReplicationServer {
  /** The bound port (127.0.0.1). */
  readonly port: number;
  /** Connected clients. */
  clients(): number;
  /** One tick: advance the world and send its state to every client. */
  tick(): void;
  /** Stops listening and closes every connection. */
  close(): void;
}

/** The servers compared, by kind. */
export type ReplicationKind = 'wspeer-replication' | 'json-ws' | 'json-ws-compact';

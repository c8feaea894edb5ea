import { Tally } from './tally.js';

/**
 * What a server has seen, so an operator can see an attack: a snapshot from `stats()`. Counts run
 * from the server's creation; `*HighWater` are the largest values seen.
 */
export interface ServerStats {
  /** Clients connected now. */
  peers: number;
  /** Most clients connected at once. */
  peersHighWater: number;
  /** Upgrade requests accepted whose handshake has not finished yet. */
  pending: number;
  /** Messages taken from clients. */
  messagesIn: number;
  /** Payload bytes taken from clients. */
  bytesIn: number;
  /** Messages queued to clients. */
  messagesOut: number;
  /** Payload bytes queued to clients. */
  bytesOut: number;
  /** Largest inbound queue of one client, in messages (received and not yet read). */
  inboundQueueHighWater: number;
  /** Largest outbound backlog of one client, in bytes (queued plus not yet written to the network). */
  outboundQueueHighWater: number;
  /** Times a client was paused for going over its rate limits (policy `pause`). */
  throttled: number;
  /**
   * Refused input by kind: `subprotocol`, `refusing` (refuseNewConnections), `handshake-timeout`,
   * `rate-limit` (messages dropped, policy `drop`), `after-close` (messages that arrived after the
   * server closed or cut the client), and the layers' own kinds (the relay's `spoofed-sender`, ...).
   */
  refused: Record<string, number>;
  /**
   * Clients cut by cause: `buffer-overflow`, `rate-limit`, `kicked` (`cutPeer`), `message-too-big`,
   * `protocol-error`, `invalid-payload`, `too-many-pings`, `heartbeat`.
   */
  cut: Record<string, number>;
}

/**
 * A server's live counters: plain number fields, bumped on the hot path without allocation.
 * `stats()` copies them into a {@link ServerStats}.
 */
export class ServerCounters {
  /** Messages taken from clients. */
  messagesIn = 0;
  /** Payload bytes taken from clients. */
  bytesIn = 0;
  /** Messages queued to clients. */
  messagesOut = 0;
  /** Payload bytes queued to clients. */
  bytesOut = 0;
  /** Largest inbound queue of one client, in messages. */
  inboundQueueHighWater = 0;
  /** Largest outbound backlog of one client, in bytes. */
  outboundQueueHighWater = 0;
  /** Most clients connected at once. */
  peersHighWater = 0;
  /** Rate-limit pauses. */
  throttled = 0;
  /** Refusals by kind. */
  readonly refused = new Tally();
  /** Cuts by cause. */
  readonly cut = new Tally();

  /** A snapshot with the current `peers` and `pending` counts. */
  snapshot(peers: number, pending: number): ServerStats {
    return {
      peers,
      peersHighWater: this.peersHighWater,
      pending,
      messagesIn: this.messagesIn,
      bytesIn: this.bytesIn,
      messagesOut: this.messagesOut,
      bytesOut: this.bytesOut,
      inboundQueueHighWater: this.inboundQueueHighWater,
      outboundQueueHighWater: this.outboundQueueHighWater,
      throttled: this.throttled,
      refused: this.refused.snapshot(),
      cut: this.cut.snapshot(),
    };
  }
}

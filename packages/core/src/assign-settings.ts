/**
 * The defaults of a peer's settings (see `WebSocketPeerOptions`), for {@link assignSettings}: shared
 * by `WebSocketPeer` and the multiplayer peers, which pass the same settings on to their sockets.
 */
export const PEER_DEFAULTS = {
  /** Largest inbound message and most inbound bytes queued, in bytes. */
  inboundBufferSize: 65535,
  /** Most outbound bytes queued, in bytes. */
  outboundBufferSize: 65535,
  /** Most packets queued in each direction. */
  maxQueuedPackets: 4096,
  /** Heartbeat in seconds: off. */
  heartbeatInterval: 0,
  /** Seconds to finish the handshake. */
  handshakeTimeout: 3,
  /** No debug trace. */
  debug: null,
  /** No reconnect. */
  reconnect: null,
} as const;

/**
 * Sets every setting that `defaults` names on `target`: the value in `options`, or the default when
 * that is `undefined` or `null` (each one's `options.x ?? default`, written once).
 */
export function assignSettings(target: object, options: object, defaults: object): void {
  for (const key in defaults) {
    (target as Record<string, unknown>)[key] =
      (options as Record<string, unknown>)[key] ?? (defaults as Record<string, unknown>)[key];
  }
}

/**
 * The defaults of a peer's settings (see `WebSocketPeerOptions`), for {@link assignSettings}: shared
 * by `WebSocketPeer` and the multiplayer peers, which pass the same settings on to their sockets.
 */
export const PEER_DEFAULTS = {
  inboundBufferSize: 65535,
  outboundBufferSize: 65535,
  maxQueuedPackets: 4096,
  heartbeatInterval: 0,
  handshakeTimeout: 3,
  debug: null,
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

import { ErrorCode, type ListenerFactory } from '@wspeer/core';
import { type MultiplayerServerOptions, WebSocketServer } from './multiplayer-server.js';
import type { MultiplayerServerFactory } from './websocket-multiplayer-peer.js';

/** Server-only settings a {@link multiplayerServer} factory adds to what the peer carries. */
export type MultiplayerServerExtras = Pick<MultiplayerServerOptions, 'resumeGrace' | 'resumeBufferSize' | 'room'>;

/**
 * A {@link MultiplayerServerFactory} that listens with `listen` (the Node listener, or a loopback
 * network's): everything only a server needs, so client bundles carry none of it. `extras` holds
 * the server-only options the peer's constructor was given (resume, a cluster's room).
 */
export function multiplayerServer(
  listen: ListenerFactory,
  extras: MultiplayerServerExtras = {},
): MultiplayerServerFactory {
  return (peer, session, start) => {
    const server = new WebSocketServer(
      {
        listen,
        wire: peer.wire,
        handshakeTimeout: peer.handshakeTimeout,
        handshakeHeaders: peer.handshakeHeaders,
        inboundBufferSize: peer.inboundBufferSize,
        outboundBufferSize: peer.outboundBufferSize,
        maxQueuedPackets: peer.maxQueuedPackets,
        heartbeatInterval: peer.heartbeatInterval,
        autoPoll: peer.autoPoll,
        debug: peer.debug,
        closeTimeout: peer.closeTimeout,
        maxMessagesPerSecond: peer.maxMessagesPerSecond,
        maxBytesPerSecond: peer.maxBytesPerSecond,
        rateLimitPolicy: peer.rateLimitPolicy,
        refuseNewConnections: peer.refuseNewConnections,
        ...extras,
      },
      session,
    );
    let err: ErrorCode;
    if ('httpServer' in start) {
      const path = start.path === undefined ? {} : { path: start.path };
      err = server.attach(start.httpServer, { protocols: peer.supportedProtocols, gdMpApi: true, ...path });
    } else {
      const tls = start.tls;
      server.bindIp = start.bindAddress;
      if (tls !== undefined) {
        server.privateKey = tls.key;
        server.sslCertificate = tls.cert;
        server.caChain = Array.isArray(tls.ca) ? tls.ca[0] : tls.ca;
      }
      err = server.listen(start.port, peer.supportedProtocols, true);
    }
    return err === ErrorCode.OK ? server : err;
  };
}

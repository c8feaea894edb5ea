import { ErrorCode, type ListenerFactory } from '@wspeer/core';
import { WebSocketServer } from './multiplayer-server.js';
import type { MultiplayerServerFactory } from './websocket-multiplayer-peer.js';

/**
 * A {@link MultiplayerServerFactory} that listens with `listen` (the Node listener, or a loopback
 * network's): everything only a server needs, so client bundles carry none of it.
 */
export function multiplayerServer(listen: ListenerFactory): MultiplayerServerFactory {
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

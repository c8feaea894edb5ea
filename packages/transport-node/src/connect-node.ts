import {
  type ConnectOptions,
  FullWebSocketPeer,
  PEER_CLASS,
  type Transport,
  type TransportConnector,
  type TransportEvents,
} from '@wspeer/core';
import WebSocket from 'ws';
import { NodeTransport } from './node-transport.js';
import { parseHeaderLines } from './parse-header-lines.js';

/**
 * Opens a client connection with `ws`: no compression (Godot does not negotiate any), `maxPayload`
 * from the peer's inbound limit, ws's own `handshakeTimeout`, extra headers, and TLS options for `wss://`.
 * Throws for a URL or protocol list that `ws` rejects. A `WebSocketClient` given it builds a
 * `FullWebSocketPeer` (heartbeat, back-pressure, remote address).
 */
export const connectNode: TransportConnector = Object.assign(connect, { [PEER_CLASS]: FullWebSocketPeer });

function connect(url: string, options: ConnectOptions, events: TransportEvents): Transport {
  const tls = options.tls;
  const ws = new WebSocket(url, [...options.protocols], {
    headers: parseHeaderLines(options.headers),
    maxPayload: options.maxMessageSize,
    ...(options.handshakeTimeout ? { handshakeTimeout: options.handshakeTimeout } : {}),
    perMessageDeflate: false,
    // Pings are answered by the transport (rate-limited, with a reason when it gives up).
    autoPong: false,
    ...(tls?.ca === undefined ? {} : { ca: toPem(tls.ca) }),
    ...(tls?.verify === false ? { rejectUnauthorized: false } : {}),
    ...(tls?.serverName === undefined ? {} : { servername: tls.serverName }),
  });
  const transport = new NodeTransport(events);
  transport.bind(ws);
  return transport;
}

function toPem(ca: string | Uint8Array | Array<string | Uint8Array>): string | Buffer | Array<string | Buffer> {
  const one = (c: string | Uint8Array): string | Buffer => (typeof c === 'string' ? c : Buffer.from(c));
  return Array.isArray(ca) ? ca.map(one) : one(ca);
}

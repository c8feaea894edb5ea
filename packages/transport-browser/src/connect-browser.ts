import {
  type ConnectOptions,
  type Transport,
  type TransportConnector,
  type TransportEvents,
  warnOnce,
} from '@wspeer/core';
import WebSocketConstructor from 'isomorphic-ws';
import { BrowserTransport } from './browser-transport.js';

/**
 * Opens a client connection with the runtime's WHATWG `WebSocket` (the page's own in browsers).
 * Handshake headers and TLS options cannot be set from a page; they are ignored with a warning.
 */
export const connectBrowser: TransportConnector = (
  url: string,
  options: ConnectOptions,
  events: TransportEvents,
): Transport => {
  if (options.headers.length > 0)
    warnOnce('headers', 'browsers cannot send custom handshake headers; handshakeHeaders ignored.');
  if (options.tls?.ca !== undefined || options.tls?.verify === false) {
    warnOnce('tls', 'browsers use their own certificate store; TLS options ignored.');
  }
  const ws = new WebSocketConstructor(url, [...options.protocols]);
  return new BrowserTransport(ws, events);
};

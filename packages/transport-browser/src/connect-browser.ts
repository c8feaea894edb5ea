import {
  type ConnectOptions,
  msg,
  notInBrowsers,
  type Transport,
  type TransportConnector,
  type TransportEvents,
} from '@wspeer/core';
import { BrowserTransport } from './browser-transport.js';

/**
 * Opens a client connection with the runtime's global WHATWG `WebSocket` (the page's own in
 * browsers; also Deno, Bun, workers). Handshake headers and TLS options cannot be set from a page;
 * they are ignored with a warning. Throws (the peer reports `ERR_INVALID_PARAMETER` with the
 * message) where the runtime has no `WebSocket`.
 */
export const connectBrowser: TransportConnector = (
  url: string,
  options: ConnectOptions,
  events: TransportEvents,
): Transport => {
  if (options.headers.length > 0) notInBrowsers('handshakeHeaders');
  if (options.tls?.ca !== undefined || options.tls?.verify === false) notInBrowsers(msg`TLS options`);
  if (typeof WebSocket !== 'function') {
    throw new Error(msg`no global WebSocket (Node: use the "node" export condition)`);
  }
  const ws = new WebSocket(url, options.protocols as string[]); // (it copies the list)
  return new BrowserTransport(ws, events);
};

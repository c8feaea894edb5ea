import { CloseCode, msg, type Transport, type TransportEvents } from '@wspeer/core';

/** Close codes a browser's `WebSocket.close()` accepts: 1000 and 3000-4999. */
function browserCloseCode(code: number): number {
  return code === CloseCode.NORMAL || (code >= 3000 && code <= 4999) ? code : CloseCode.NORMAL;
}

/**
 * A {@link Transport} over a WHATWG `WebSocket`. Binary messages arrive as `Uint8Array` views of
 * the event's `ArrayBuffer` (no copy), text as `string`. Browsers cannot ping (the server pings
 * them and they answer), pause reading, change Nagle or tell the remote address: this transport has
 * none of those optional members (`heartbeat`, `pause`, `resume`, `setNoDelay`, `remoteAddress`, `remotePort`).
 */
export class BrowserTransport implements Transport {
  /** `"browser"`. */
  readonly adapter = 'browser';

  readonly #ws: WebSocket;

  constructor(ws: WebSocket, events: TransportEvents) {
    this.#ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => events.onOpen(ws.protocol);
    ws.onmessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      if (typeof data === 'string') events.onMessage(data, true);
      else events.onMessage(new Uint8Array(data as ArrayBuffer), false);
    };
    ws.onerror = () => events.onError(msg`WebSocket error (the browser gives no details)`);
    ws.onclose = (event: CloseEvent) => events.onClose(event.code, event.reason, event.wasClean);
  }

  /** The socket's `bufferedAmount`. */
  get bufferedAmount(): number {
    return this.#ws.bufferedAmount;
  }

  /** Sends each message with `WebSocket.send` (the browser batches writes itself). */
  sendMany(messages: ReadonlyArray<Uint8Array | string>, count: number): void {
    const ws = this.#ws;
    if (ws.readyState !== 1) return;
    for (let i = 0; i < count; i++) ws.send(messages[i] as Uint8Array<ArrayBuffer> | string);
  }

  /** Closes; codes a browser may not send (1001-1014) go out as 1000 with the same reason. */
  close(code: number, reason: string): void {
    try {
      this.#ws.close(browserCloseCode(code), reason);
    } catch {
      this.#ws.close();
    }
  }

  /** Browsers cannot drop a socket without a close frame; this closes as fast as they allow. */
  terminate(): void {
    this.#ws.close(); // (without a code it never throws; on a closed socket it does nothing)
  }
}

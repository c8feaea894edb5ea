import type { Socket } from 'node:net';
import type { Transport, TransportEvents } from '@wspeer/core';
import type WebSocket from 'ws';

const BINARY = { binary: true } as const;
const TEXT = { binary: false } as const;

/** ws error codes that fail a connection, mapped to the close code ws sends for them. */
const FAILURE_CODES: Record<string, number> = {
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 1009,
  WS_ERR_INVALID_UTF8: 1007,
};

function socketOf(ws: WebSocket): Socket | undefined {
  return (ws as unknown as { _socket?: Socket })._socket;
}

/**
 * A {@link Transport} over a `ws` WebSocket (client or server side). Messages arrive as
 * zero-copy `Uint8Array` views; `sendMany` corks the socket so a batch is one `writev`.
 */
export class NodeTransport implements Transport {
  readonly adapter = 'node-ws';
  private ws: WebSocket | null = null;

  constructor(private readonly events: TransportEvents) {}

  /** Connects this transport to a `ws` socket and forwards its events. */
  bind(ws: WebSocket): void {
    this.ws = ws;
    const events = this.events;
    ws.on('open', () => events.onOpen(ws.protocol));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      events.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), !isBinary);
    });
    ws.on('error', (error: Error & { code?: string }) => {
      const code =
        error.code === undefined ? 0 : (FAILURE_CODES[error.code] ?? (error.code.startsWith('WS_ERR_') ? 1002 : 0));
      events.onError(error.message, code);
    });
    ws.on('close', (code: number, reason: Buffer) => events.onClose(code, reason.toString(), code !== 1006));
    ws.on('pong', () => events.onPong?.());
  }

  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  get remoteAddress(): string {
    const ws = this.ws;
    return (ws && socketOf(ws)?.remoteAddress) || '';
  }

  get remotePort(): number {
    const ws = this.ws;
    return (ws && socketOf(ws)?.remotePort) || 0;
  }

  sendMany(messages: ReadonlyArray<Uint8Array | string>, count: number): void {
    const ws = this.ws;
    if (ws === null || ws.readyState !== 1) return;
    if (count === 1) {
      const m = messages[0] as Uint8Array | string;
      ws.send(m, typeof m === 'string' ? TEXT : BINARY);
      return;
    }
    const socket = socketOf(ws);
    socket?.cork();
    for (let i = 0; i < count; i++) {
      const m = messages[i] as Uint8Array | string;
      ws.send(m, typeof m === 'string' ? TEXT : BINARY);
    }
    socket?.uncork();
  }

  close(code: number, reason: string): void {
    try {
      this.ws?.close(code, reason);
    } catch {
      this.ws?.terminate();
    }
  }

  terminate(): void {
    this.ws?.terminate();
  }

  ping(): boolean {
    const ws = this.ws;
    if (ws === null || ws.readyState !== 1) return false;
    ws.ping();
    return true;
  }

  pause(): boolean {
    this.ws?.pause();
    return this.ws !== null;
  }

  resume(): void {
    this.ws?.resume();
  }

  setNoDelay(enabled: boolean): boolean {
    const socket = this.ws ? socketOf(this.ws) : undefined;
    if (socket === undefined) return false;
    socket.setNoDelay(enabled);
    return true;
  }
}

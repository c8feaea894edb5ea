import WebSocket from 'ws';
import type { PayloadKind } from './echo-protocol.js';
import type { ConnectionOpener, LoadConnection } from './load-connection.js';

const BINARY = { binary: true } as const;
const TEXT = { binary: false } as const;
const OPEN_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 3000;

/**
 * A `ws` client as a Node bot would write it: one `ws.send` per message, from the message
 * event, so one socket write per message (ws masks each frame: natively with `bufferutil`).
 */
class WsConnection implements LoadConnection {
  closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly payload: Buffer,
    private readonly binary: boolean,
  ) {
    ws.on('close', () => {
      this.closed = true;
    });
  }

  listen(onEcho: () => void, onUnexpected: () => void): void {
    const { payload, binary } = this;
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary === binary && data.length === payload.length) onEcho();
      else onUnexpected();
    });
  }

  send(): void {
    this.ws.send(this.payload, this.binary ? BINARY : TEXT);
  }

  flush(): void {}

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, CLOSE_TIMEOUT_MS);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.close(1000);
    });
  }
}

function openOne(port: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`ws client: no connection to port ${port} in ${OPEN_TIMEOUT_MS / 1000} s`));
    }, OPEN_TIMEOUT_MS);
    ws.once('open', () => {
      clearTimeout(timer);
      ws.removeAllListeners('error');
      ws.on('error', () => {});
      resolve(ws);
    });
    ws.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Opens `ws` client connections (at most 50 handshakes at a time) sending `payload` as `kind`. */
export function wsOpener(kind: PayloadKind, payload: Buffer): ConnectionOpener {
  return async (port, count) => {
    const sockets: WebSocket[] = [];
    try {
      for (let i = 0; i < count; i += 50) {
        const batch = Array.from({ length: Math.min(50, count - i) }, () => openOne(port));
        const results = await Promise.allSettled(batch);
        for (const result of results) if (result.status === 'fulfilled') sockets.push(result.value);
        const failed = results.find((result) => result.status === 'rejected');
        if (failed !== undefined) throw failed.reason;
      }
    } catch (error) {
      for (const ws of sockets) ws.terminate();
      throw error;
    }
    return sockets.map((ws) => new WsConnection(ws, payload, kind === 'binary'));
  };
}

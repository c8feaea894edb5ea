import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { clientFrame, Opcode } from './client-frame.js';

/** Receives one server frame: its opcode and payload as `data[start..end)` (valid during the call only). */
export type FrameHandler = (opcode: number, data: Buffer, start: number, end: number) => void;

/** Writes at or below this many bytes in one flush are joined into one buffer; larger ones go as a `writev`. */
const JOIN_LIMIT = 16 * 1024;
const CLOSE_FRAME = clientFrame(Opcode.CLOSE, Buffer.from([0x03, 0xe8]));

/**
 * The bench's load-generating WebSocket client: RFC 6455 over a raw `net.Socket`, with no
 * per-message allocation. Frames are prebuilt by the caller; everything sent while handling one
 * chunk of input goes out in one write. The same client drives every server implementation, so
 * differences in a result are differences between the servers.
 */
export class BenchSocket {
  /** Set once the socket is closed (by either side). */
  closed = false;
  /** Frames that were neither handled nor expected, e.g. a close frame mid-round. */
  protocolErrors = 0;
  private handler: FrameHandler | null = null;
  private rest: Buffer | null;
  private readonly out: Buffer[] = [];
  private outBytes = 0;
  private readonly closeWaiters: Array<() => void> = [];

  private constructor(
    private readonly socket: Socket,
    leftover: Buffer | null,
  ) {
    this.rest = leftover;
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      for (const wake of this.closeWaiters.splice(0)) wake();
    });
  }

  /** Connects to `127.0.0.1:port` and upgrades `path`; rejects when refused or after `timeoutMs`. */
  static open(port: number, path: string, timeoutMs = 10_000): Promise<BenchSocket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, noDelay: true });
      let head: Buffer | null = null;
      const fail = (error: Error): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`handshake with port ${port} timed out`)), timeoutMs);
      const onData = (chunk: Buffer): void => {
        head = head === null ? chunk : Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('error', fail);
        const status = head.toString('latin1', 0, head.indexOf('\r\n'));
        if (!status.startsWith('HTTP/1.1 101')) {
          fail(new Error(`upgrade refused: ${status}`));
          return;
        }
        resolve(new BenchSocket(socket, end + 4 < head.length ? head.subarray(end + 4) : null));
      };
      socket.on('data', onData);
      socket.once('error', fail);
      socket.once('connect', () => {
        const key = randomBytes(16).toString('base64');
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
    });
  }

  /** Starts delivering frames to `handler` (frames that arrived earlier are delivered now). */
  listen(handler: FrameHandler): void {
    this.handler = handler;
    if (this.rest !== null) {
      const rest = this.rest;
      this.rest = null;
      this.receive(rest);
    }
  }

  /** Queues a prebuilt frame; it goes out with the next {@link BenchSocket.flush}. */
  send(frame: Buffer): void {
    this.out.push(frame);
    this.outBytes += frame.byteLength;
  }

  /** Writes everything queued in one go. Called automatically after each received chunk. */
  flush(): void {
    const out = this.out;
    const count = out.length;
    if (count === 0 || this.closed) {
      out.length = 0;
      this.outBytes = 0;
      return;
    }
    const socket = this.socket;
    if (count === 1) socket.write(out[0] as Buffer);
    else if (this.outBytes <= JOIN_LIMIT) socket.write(Buffer.concat(out, this.outBytes));
    else {
      socket.cork();
      for (let i = 0; i < count; i++) socket.write(out[i] as Buffer);
      socket.uncork();
    }
    out.length = 0;
    this.outBytes = 0;
  }

  /** Sends a close frame and resolves when the server has closed the TCP connection (or after `timeoutMs`). */
  close(timeoutMs = 3000): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.send(CLOSE_FRAME);
    this.flush();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.socket.destroy();
        resolve();
      }, timeoutMs);
      this.closeWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Drops the connection at once. */
  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.handler === null) {
      this.rest = this.rest === null ? chunk : Buffer.concat([this.rest, chunk]);
      return;
    }
    let data = chunk;
    if (this.rest !== null) {
      data = Buffer.concat([this.rest, chunk]);
      this.rest = null;
    }
    const size = data.length;
    let at = 0;
    while (size - at >= 2) {
      const b0 = data[at] as number;
      let length = (data[at + 1] as number) & 0x7f;
      let header = 2;
      if (length === 126) {
        if (size - at < 4) break;
        length = data.readUInt16BE(at + 2);
        header = 4;
      } else if (length === 127) {
        if (size - at < 10) break;
        length = data.readUInt32BE(at + 2) * 2 ** 32 + data.readUInt32BE(at + 6);
        header = 10;
      }
      if (size - at < header + length) break;
      const start = at + header;
      at = start + length;
      this.frame(b0 & 0x0f, data, start, at);
    }
    if (at < size) this.rest = data.subarray(at);
    this.flush();
  }

  private frame(opcode: number, data: Buffer, start: number, end: number): void {
    if (opcode === Opcode.PING) {
      this.send(clientFrame(Opcode.PONG, data.subarray(start, end)));
      return;
    }
    if (opcode === Opcode.PONG) return;
    (this.handler as FrameHandler)(opcode, data, start, end);
  }
}

import { connect, type Socket } from 'node:net';
import { Op, rawFrame } from './raw-frame.js';

/** Options of {@link RawWs.open}. */
export interface RawWsOptions {
  /** Subprotocols to request. */
  protocols?: readonly string[];
  /** Milliseconds to wait for the 101 response. Default 5000. */
  timeoutMs?: number;
}

/**
 * A minimal WebSocket client over a raw TCP socket, for attacks: it completes the handshake, then
 * writes whatever frames it is told (well-formed or not) and parses just enough of what comes back
 * (whole unfragmented frames) to learn a Godot 3 id or see a close.
 */
export class RawWs {
  /** The TCP socket. */
  readonly socket: Socket;
  /** Binary and text messages received (payloads). */
  readonly messages: Buffer[] = [];
  /** Close code received, or -1. */
  closeCode = -1;
  /** Whether the socket closed. */
  closed = false;
  /** Keep received messages (off for floods). */
  keepMessages = true;
  /** Messages received, kept or not. */
  received = 0;
  #pending = Buffer.alloc(0);

  private constructor(socket: Socket) {
    this.socket = socket;
  }

  /** Connects to `ws://host:port/path` and completes the opening handshake. */
  static open(port: number, path: string, options: RawWsOptions = {}): Promise<RawWs> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const ws = new RawWs(socket);
      let head = Buffer.alloc(0);
      const timer = setTimeout(() => fail(new Error('no 101 response')), options.timeoutMs ?? 5000);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      socket.on('error', (error) => fail(error));
      socket.on('close', () => {
        ws.closed = true;
      });
      socket.once('connect', () => {
        const protocols = options.protocols ?? [];
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' +
            (protocols.length > 0 ? `Sec-WebSocket-Protocol: ${protocols.join(', ')}\r\n` : '') +
            '\r\n',
        );
      });
      const onHead = (chunk: Buffer): void => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onHead);
        clearTimeout(timer);
        if (!head.subarray(0, 12).toString().includes('101')) {
          fail(new Error(`refused: ${head.subarray(0, end).toString().split('\r\n')[0]}`));
          return;
        }
        socket.removeAllListeners('error');
        socket.on('error', () => {});
        socket.on('data', (data: Buffer) => ws.#receive(data));
        resolve(ws);
        const rest = head.subarray(end + 4);
        if (rest.length > 0) ws.#receive(rest);
      };
      socket.on('data', onHead);
    });
  }

  /** Writes one well-formed masked frame. Returns the socket's `write` result (false: buffer full). */
  send(opcode: number, payload: Uint8Array): boolean {
    return this.socket.write(rawFrame(opcode, payload));
  }

  /** Writes raw bytes. */
  write(bytes: Uint8Array): boolean {
    return this.socket.write(bytes);
  }

  /** Resolves with the first received message that `match` accepts (from those kept). */
  async waitFor(match: (message: Buffer) => boolean, timeoutMs = 5000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found !== undefined) return found;
      if (this.closed || Date.now() > deadline) throw new Error('RawWs.waitFor: not received');
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  /** Drops the TCP connection. */
  destroy(): void {
    this.socket.destroy();
  }

  #receive(data: Buffer): void {
    let buffer = this.#pending.length === 0 ? data : Buffer.concat([this.#pending, data]);
    for (;;) {
      if (buffer.length < 2) break;
      const opcode = (buffer[0] as number) & 15;
      let length = (buffer[1] as number) & 127;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) break;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) break;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) break;
      const payload = buffer.subarray(offset, offset + length);
      if (opcode === Op.CLOSE) this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      else if (opcode === Op.TEXT || opcode === Op.BINARY) {
        this.received++;
        if (this.keepMessages) this.messages.push(Buffer.from(payload));
      }
      buffer = buffer.subarray(offset + length);
    }
    this.#pending = buffer.length === 0 ? Buffer.alloc(0) : Buffer.from(buffer);
  }
}

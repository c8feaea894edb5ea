import type { BenchSocket } from './bench-socket.js';
import { clientFrame, Opcode } from './client-frame.js';
import { type EchoProtocol, FrameClass, type PayloadKind } from './echo-protocol.js';

const CHAR_0 = 0x30;
const CHAR_2 = 0x32;
const CHAR_4 = 0x34;
const PONG = clientFrame(Opcode.TEXT, '3');
const CONNECT = clientFrame(Opcode.TEXT, '40');
/** Socket.IO's header of a binary event with one attachment, as its own client sends it. */
const BINARY_EVENT = clientFrame(Opcode.TEXT, '451-["e",{"_placeholder":true,"num":0}]');

/**
 * Socket.IO v4 (Engine.IO 4) over its WebSocket transport, spoken by the bench client: the
 * server sends `0{...}`, the client joins the main namespace with `40`, events are `42["e",data]`,
 * and a binary event is a `451-[...]` text frame followed by the bytes as a binary frame. The
 * server echoes with `socket.emit('e', data)`; Engine.IO pings (`2`) are answered (`3`).
 */
export class SocketIoEchoProtocol implements EchoProtocol {
  readonly name = 'socket.io';
  readonly path = '/socket.io/?EIO=4&transport=websocket';
  private kind: PayloadKind = 'binary';
  private size = 0;

  prepare(socket: BenchSocket): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket.io handshake timed out')), 10_000);
      socket.listen((opcode, data, start, end) => {
        if (opcode !== Opcode.TEXT || end === start) return;
        if (data[start] === CHAR_0) {
          socket.send(CONNECT);
        } else if (data[start] === CHAR_4 && data[start + 1] === CHAR_0) {
          clearTimeout(timer);
          resolve();
        } else if (data[start] === CHAR_2) {
          socket.send(PONG);
        }
      });
    });
  }

  message(kind: PayloadKind, payload: Buffer): Buffer {
    if (kind === 'text') return clientFrame(Opcode.TEXT, `42["e","${payload.toString('latin1')}"]`);
    return Buffer.concat([BINARY_EVENT, clientFrame(Opcode.BINARY, payload)]);
  }

  classify(socket: BenchSocket, opcode: number, data: Buffer, start: number, end: number): FrameClass {
    if (opcode === Opcode.BINARY) {
      return this.kind === 'binary' && end - start === this.size ? FrameClass.ECHO : FrameClass.UNEXPECTED;
    }
    if (opcode !== Opcode.TEXT || end === start) return FrameClass.UNEXPECTED;
    const first = data[start];
    if (first === CHAR_2 && end - start === 1) {
      socket.send(PONG);
      return FrameClass.OTHER;
    }
    if (first !== CHAR_4) return FrameClass.UNEXPECTED;
    const second = data[start + 1];
    if (this.kind === 'binary') return second === CHAR_4 + 1 ? FrameClass.OTHER : FrameClass.UNEXPECTED;
    // 42["e","<size chars>"] is 10 bytes of envelope around the payload.
    return second === CHAR_2 && end - start === this.size + 10 ? FrameClass.ECHO : FrameClass.UNEXPECTED;
  }

  expect(kind: PayloadKind, size: number): SocketIoEchoProtocol {
    const copy = new SocketIoEchoProtocol();
    copy.kind = kind;
    copy.size = size;
    return copy;
  }
}

import { clientFrame, Opcode } from './client-frame.js';
import { type EchoProtocol, FrameClass, type PayloadKind } from './echo-protocol.js';

/**
 * Plain WebSocket echo (raw `ws` and wspeer servers): one frame per message, echoed as the same
 * frame type and size.
 */
export class RawEchoProtocol implements EchoProtocol {
  readonly name = 'raw';
  readonly path = '/';
  private opcode: number = Opcode.BINARY;
  private size = 0;

  prepare(): Promise<void> {
    return Promise.resolve();
  }

  message(kind: PayloadKind, payload: Buffer): Buffer {
    return clientFrame(kind === 'text' ? Opcode.TEXT : Opcode.BINARY, payload);
  }

  classify(_socket: unknown, opcode: number, _data: Buffer, start: number, end: number): FrameClass {
    return opcode === this.opcode && end - start === this.size ? FrameClass.ECHO : FrameClass.UNEXPECTED;
  }

  expect(kind: PayloadKind, size: number): RawEchoProtocol {
    const copy = new RawEchoProtocol();
    copy.opcode = kind === 'text' ? Opcode.TEXT : Opcode.BINARY;
    copy.size = size;
    return copy;
  }
}

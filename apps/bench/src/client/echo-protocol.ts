import type { BenchSocket } from './bench-socket.js';

/** Binary or text messages. */
export type PayloadKind = 'binary' | 'text';

/** What {@link EchoProtocol.classify} says about a received frame. */
export const FrameClass = {
  /** The frame completes one echoed message. */
  ECHO: 1,
  /** Part of the protocol (a placeholder, a ping): ignore it. */
  OTHER: 0,
  /** Not what this protocol should send now. */
  UNEXPECTED: -1,
} as const;

/** One of the values of {@link FrameClass}. */
export type FrameClass = (typeof FrameClass)[keyof typeof FrameClass];

/**
 * How the bench client speaks to one kind of echo server: the upgrade path, the handshake after
 * the upgrade, how one message is framed and how its echo is recognised.
 */
export interface EchoProtocol {
  /** Short name for logs. */
  readonly name: string;
  /** Path of the upgrade request. */
  readonly path: string;
  /** Finishes the protocol's own handshake after the WebSocket upgrade. */
  prepare(socket: BenchSocket): Promise<void>;
  /** The frames (concatenated) that carry one message with `payload`. */
  message(kind: PayloadKind, payload: Buffer): Buffer;
  /** Classifies a received frame for a load sending `kind` messages of `size` bytes. */
  classify(socket: BenchSocket, opcode: number, data: Buffer, start: number, end: number): FrameClass;
  /** Sets the kind and size of the messages the echo check expects. */
  expect(kind: PayloadKind, size: number): EchoProtocol;
}

import type { BenchSocket } from './bench-socket.js';
import { type EchoProtocol, FrameClass, type PayloadKind } from './echo-protocol.js';
import type { ConnectionOpener, LoadConnection } from './load-connection.js';
import { openConnections } from './open-connections.js';

/**
 * The bench's batching raw client as a {@link LoadConnection}: a prebuilt message, queued by
 * `send` and written with everything else sent while handling one received chunk, in one write.
 */
class BatchConnection implements LoadConnection {
  constructor(
    private readonly socket: BenchSocket,
    private readonly protocol: EchoProtocol,
    private readonly frame: Buffer,
  ) {}

  get closed(): boolean {
    return this.socket.closed;
  }

  listen(onEcho: () => void, onUnexpected: () => void): void {
    const { socket, protocol } = this;
    socket.listen((opcode, data, begin, end) => {
      const kind = protocol.classify(socket, opcode, data, begin, end);
      if (kind === FrameClass.ECHO) onEcho();
      else if (kind === FrameClass.UNEXPECTED) onUnexpected();
    });
  }

  send(): void {
    this.socket.send(this.frame);
  }

  flush(): void {
    this.socket.flush();
  }

  close(): Promise<void> {
    return this.socket.close();
  }
}

/** Opens batching raw connections speaking `protocol` (raw WebSocket or Socket.IO) with `payload`. */
export function batchOpener(protocol: EchoProtocol, kind: PayloadKind, payload: Buffer): ConnectionOpener {
  const proto = protocol.expect(kind, payload.byteLength);
  const frame = proto.message(kind, payload);
  return async (port, count) =>
    (await openConnections(port, proto, count)).map((socket) => new BatchConnection(socket, proto, frame));
}

import { WebSocket } from 'ws';

/** Clients connected to a replication server, counting the payload bytes they receive. */
export interface ReplicationClients {
  /** Payload bytes received since the last {@link ReplicationClients.reset}, per client. */
  bytes(): number[];
  /** Messages received since the last reset, all clients. */
  messages(): number;
  /** Starts counting from zero. */
  reset(): void;
  /** Closes every client. */
  close(): Promise<void>;
}

/**
 * Opens `count` plain `ws` clients to `ws://127.0.0.1:<port>/` (no subprotocol: what a Godot 4
 * client offers too) and resolves once each got its first message (the wspeer server's peer id, or
 * the JSON server's first state), so every client is in the room before measuring.
 */
export async function openReplicationClients(
  port: number,
  count: number,
  timeoutMs = 15_000,
): Promise<ReplicationClients> {
  const sockets: WebSocket[] = [];
  const received = new Array<number>(count).fill(0);
  let messages = 0;
  const ready = Array.from(
    { length: count },
    (_, i) =>
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
        sockets.push(ws);
        ws.once('error', reject);
        ws.once('message', () => resolve());
        ws.on('message', (data: Buffer) => {
          received[i] = (received[i] as number) + data.length;
          messages++;
        });
      }),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${count} clients not all in after ${timeoutMs} ms`)), timeoutMs);
  });
  const close = async (): Promise<void> => {
    await Promise.all(
      sockets.map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            ws.once('close', () => resolve());
            ws.terminate();
          }),
      ),
    );
  };
  try {
    await Promise.race([Promise.all(ready), late]);
  } catch (error) {
    await close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    bytes: () => [...received],
    messages: () => messages,
    reset: () => {
      received.fill(0);
      messages = 0;
    },
    close,
  };
}

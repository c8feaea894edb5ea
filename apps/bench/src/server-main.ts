/**
 * Entry of a server process: `node server-main.js <kind>` (forked by the orchestrator with an IPC
 * channel and `--expose-gc`). Starts the server, reports `{ id: 0, port }`, then answers
 * {@link ServerRequest}s until told to exit. Exits by itself when the orchestrator goes away.
 */
import { bufferutilLoaded } from './native-masking.js';
import type { ServerKind } from './server/bench-server.js';
import { heldBytes, MemorySampler } from './server/memory-sampler.js';
import type { ServerReply, ServerRequest } from './server/server-message.js';
import { startServer } from './server/start-server.js';

const send = (reply: ServerReply): void => {
  process.send?.(reply);
};

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  gc();
  gc();
}

async function main(): Promise<void> {
  if (process.send === undefined) throw new Error('server-main.js must be started by the bench (needs an IPC channel)');
  const server = await startServer(process.argv[2] as ServerKind);
  const sampler = new MemorySampler();
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: ServerRequest) => {
    try {
      switch (request.cmd) {
        case 'start':
          collectGarbage();
          if (request.sampleMemory === true) sampler.start();
          server.setActive(true);
          return send({ id: request.id, heldBytes: heldBytes() });
        case 'stop':
          sampler.stop();
          server.setActive(false);
          return send({ id: request.id });
        case 'mark': {
          const cpu = process.cpuUsage();
          const at = performance.now();
          return send({ id: request.id, cpuMicros: cpu.user + cpu.system, at, heldBytes: sampler.takePeak() });
        }
        case 'memory': {
          collectGarbage();
          const memory = process.memoryUsage();
          return send({ id: request.id, rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external });
        }
        case 'stats':
          return send({ id: request.id, connections: server.connections(), errors: server.errors() });
        case 'exit':
          send({ id: request.id });
          setImmediate(() => process.exit(0));
          return;
      }
    } catch (error) {
      send({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  send({ id: 0, port: server.port, bufferutil: bufferutilLoaded() });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

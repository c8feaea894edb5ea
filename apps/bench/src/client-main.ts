/**
 * Entry of a client process of the client group: `node client-main.js <kind>` (forked by the
 * orchestrator with an IPC channel). Runs echo rounds against a server with its own Node
 * clients (`ws`, or wspeer's polled by a game loop or by itself) and reports the rate and its own
 * CPU time per message, so clients are compared where the client is the bottleneck.
 */
import type { NodeClientKind } from './client/client-launch.js';
import type { ClientReply, ClientRequest } from './client/client-message.js';
import type { ConnectionOpener } from './client/load-connection.js';
import { wsOpener } from './client/ws-connection.js';
import { wspeerOpener } from './client/wspeer-connection.js';
import { type EchoLoadSpec, runEchoLoad } from './load/echo-load.js';
import { makePayload } from './load/make-payload.js';
import { markThisProcess } from './load/measure-window.js';
import { bufferutilLoaded } from './native-masking.js';
import { TickLoop } from './server/tick-loop.js';

const send = (reply: ClientReply): void => {
  process.send?.(reply);
};

async function main(): Promise<void> {
  if (process.send === undefined) throw new Error('client-main.js must be started by the bench (needs an IPC channel)');
  const kind = process.argv[2] as NodeClientKind;
  // The wspeer clients of a round, polled once per turn by a game loop in `wspeer-tick`.
  const polled: Array<{ poll(): void }> = [];
  const loop =
    kind === 'wspeer-tick'
      ? new TickLoop(() => {
          for (let i = 0; i < polled.length; i++) (polled[i] as { poll(): void }).poll();
        })
      : null;
  const opener = (spec: EchoLoadSpec): ConnectionOpener => {
    const payload = makePayload(spec.kind, spec.size);
    if (kind === 'ws') return wsOpener(spec.kind, payload);
    return wspeerOpener(kind === 'wspeer-tick' ? 'tick' : 'auto', spec.kind, payload, polled);
  };
  // Load `ws` (and so bufferutil, if allowed) before reporting ready.
  await import('ws');
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (request: ClientRequest) => {
    if (request.cmd === 'exit') {
      send({ id: request.id });
      setImmediate(() => process.exit(0));
      return;
    }
    try {
      const { port, spec, warmupMs, durationMs } = request;
      if (port === undefined || spec === undefined || warmupMs === undefined || durationMs === undefined) {
        throw new Error('run needs port, spec, warmupMs and durationMs');
      }
      loop?.setActive(true);
      try {
        const result = await runEchoLoad(opener(spec), port, markThisProcess, spec, warmupMs, durationMs);
        send({
          id: request.id,
          rate: result.rate,
          cpuMicrosPerMessage: result.cpuMicrosPerMessage,
          errors: result.errors,
        });
      } finally {
        loop?.setActive(false);
        polled.length = 0;
      }
    } catch (error) {
      send({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  send({ id: 0, bufferutil: bufferutilLoaded() });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Child process of the replication benchmark: `node replication-server-main.js <kind>` starts one
 * server, reports `{ port }`, then ticks at 30 Hz between `start` and `stop` and reports, per
 * measured window (`mark` .. `stop`): ticks, CPU time (user + system) and each tick's wall time
 * until the event loop got back to it (the sends it queued included).
 */
import { startJsonReplicationServer } from './json-replication-server.js';
import type { ReplicationKind, ReplicationServer } from './replication-server.js';
import { TICK_HZ } from './replication-world.js';
import { startWspeerReplicationServer } from './wspeer-replication-server.js';

/** A command from the orchestrator. */
export interface ReplicationRequest {
  id: number;
  cmd: 'start' | 'mark' | 'stop' | 'exit';
}

/** A reply (`id` matches), or the ready message (`id` 0, with the port). */
export interface ReplicationReply {
  id: number;
  port?: number;
  /** `stop`: what the window measured. */
  ticks?: number;
  cpuMicros?: number;
  tickMillis?: number[];
  clients?: number;
  error?: string;
}

async function main(kind: ReplicationKind): Promise<void> {
  const server: ReplicationServer =
    kind === 'wspeer-replication'
      ? await startWspeerReplicationServer()
      : await startJsonReplicationServer(kind === 'json-ws-compact');
  let timer: NodeJS.Timeout | undefined;
  let measuring = false;
  let cpu = process.cpuUsage();
  let ticks = 0;
  let durations: number[] = [];
  const tick = (): void => {
    const started = performance.now();
    server.tick();
    // The tick ends when the event loop is free again: microtask flushes and socket writes included.
    setImmediate(() => {
      if (!measuring) return;
      ticks++;
      durations.push(performance.now() - started);
    });
  };
  const reply = (message: ReplicationReply): void => {
    process.send?.(message);
  };
  process.on('message', (request: ReplicationRequest) => {
    switch (request.cmd) {
      case 'start':
        clearInterval(timer);
        timer = setInterval(tick, 1000 / TICK_HZ);
        reply({ id: request.id });
        return;
      case 'mark':
        measuring = true;
        ticks = 0;
        durations = [];
        cpu = process.cpuUsage();
        reply({ id: request.id });
        return;
      case 'stop': {
        const used = process.cpuUsage(cpu);
        measuring = false;
        clearInterval(timer);
        reply({
          id: request.id,
          ticks,
          cpuMicros: used.user + used.system,
          tickMillis: durations,
          clients: server.clients(),
        });
        return;
      }
      case 'exit':
        clearInterval(timer);
        server.close();
        reply({ id: request.id });
        setTimeout(() => process.exit(0), 50);
    }
  });
  reply({ id: 0, port: server.port });
}

main(process.argv[2] as ReplicationKind).catch((error: unknown) => {
  process.send?.({ id: 0, error: String(error) });
  process.exit(1);
});

import type { EchoLoadSpec } from '../load/echo-load.js';

/** A command from the orchestrator to a client process. */
export interface ClientRequest {
  id: number;
  cmd: 'run' | 'exit';
  /** `run`: the echo server's port, the workload, and the round's timing. */
  port?: number;
  spec?: EchoLoadSpec;
  warmupMs?: number;
  durationMs?: number;
}

/** A client process's answer to a {@link ClientRequest}, or its ready message (`id` 0). */
export interface ClientReply {
  id: number;
  /** `ready`: whether the `ws` of this process loaded `bufferutil` (native masking). */
  bufferutil?: boolean;
  /** `run`: echoed messages per second and this process's CPU time per message, in microseconds. */
  rate?: number;
  cpuMicrosPerMessage?: number;
  /** `run`: what went wrong in the round. */
  errors?: string[];
  /** Set when the command failed. */
  error?: string;
}
